package org.javaparallel.kernel.io;

import java.util.Map;

/** Where a cell's output goes: the Jupyter stream and display messages of that cell. */
public interface CellPublisher {
    void publish(StreamName stream, String text);

    void display(String displayId, Map<String, Object> mimeBundle);

    void updateDisplay(String displayId, Map<String, Object> mimeBundle);

    enum StreamName { STDOUT, STDERR }
}
