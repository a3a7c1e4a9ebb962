package org.javaparallel.debugger;

import java.util.Map;

/**
 * One frame of cell code of a stopped thread, as the call stack shows it.
 *
 * @param id the frame's DAP id
 * @param name the method's name
 * @param path the dumped cell's path, or null when the frame's cell is not known (run before the debugger started)
 * @param line the line in that cell (or in JShell's wrapper class when the cell is not known)
 * @param locals the captured locals by name; empty for frames whose locals a probe did not capture
 * @param localTypes the declared type of each captured local
 */
record Frame(int id, String name, String path, int line, Map<String, Object> locals, Map<String, String> localTypes) {
}
