package org.javaparallel.kernel.testing;

import java.util.List;

/** An error message of the Jupyter protocol: exception type name, message, and traceback lines. */
public record KernelError(String ename, String evalue, List<String> traceback) {
    public KernelError {
        traceback = List.copyOf(traceback);
    }

    /** Everything a reader sees: name, value and traceback, ANSI colour codes removed. */
    public String text() {
        return (ename + ": " + evalue + "\n" + String.join("\n", traceback)).replaceAll("\u001B\\[[;\\d]*m", "");
    }
}
