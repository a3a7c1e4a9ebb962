package org.javaparallel.debugger;

import java.util.List;

/**
 * One probe woven into a cell class: at the start of a line of a method, with the local variables in scope there
 * that the probe hands over when it fires.
 *
 * @param className the binary name of the cell class
 * @param methodName the method's name, as javac named it ({@code do_it$}, {@code lambda$main$0})
 * @param line the line in the class file (a line of JShell's wrapper class)
 * @param localNames the names of the locals the probe captures, in the order of its array
 * @param localTypes their type descriptors
 */
record ProbeSite(String className, String methodName, int line, List<String> localNames, List<String> localTypes) {
    ProbeSite {
        localNames = List.copyOf(localNames);
        localTypes = List.copyOf(localTypes);
    }
}
