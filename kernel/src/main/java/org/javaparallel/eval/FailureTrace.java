package org.javaparallel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an exception's stack trace the way a notebook reader needs it: only frames of cell code, each
 * naming the cell and line ("at square(cell [3] line 2)"); library frames are left out.
 */
final class FailureTrace {
    record Origin(int cellNumber, int firstLine) {
    }

    private static final int FRAMES_WITHOUT_CELL_CODE = 5;
    private static final String CELL_CLASS_PREFIX = "REPL.";

    private FailureTrace() {
    }

    static List<String> lines(Throwable failure, Map<String, Origin> originsBySnippetId) {
        List<String> lines = new ArrayList<>();
        Throwable current = failure;
        String prefix = "";
        while (current != null) {
            lines.add(prefix + current);
            lines.addAll(frames(current.getStackTrace(), originsBySnippetId));
            current = current.getCause() == current ? null : current.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    private static List<String> frames(StackTraceElement[] stack, Map<String, Origin> originsBySnippetId) {
        List<String> cellFrames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(CELL_CLASS_PREFIX)) {
                cellFrames.add("    at " + describe(frame, originsBySnippetId));
            }
        }
        if (!cellFrames.isEmpty()) {
            return cellFrames;
        }
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(FRAMES_WITHOUT_CELL_CODE, stack.length); i++) {
            top.add("    at " + stack[i]);
        }
        return top;
    }

    private static String describe(StackTraceElement frame, Map<String, Origin> originsBySnippetId) {
        String method = frame.getMethodName().equals("do_it$") ? "<cell>" : frame.getMethodName();
        if (method.startsWith("lambda$")) {
            method = "<lambda>";
        }
        String file = frame.getFileName();
        Origin origin = file != null && file.startsWith("#") ? originsBySnippetId.get(file.substring(1)) : null;
        if (origin == null || frame.getLineNumber() < 1) {
            return method + "(cell)";
        }
        int line = origin.firstLine() + frame.getLineNumber() - 1;
        return method + "(cell [" + origin.cellNumber() + "] line " + line + ")";
    }
}
