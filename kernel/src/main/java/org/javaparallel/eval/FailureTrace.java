package org.javaparallel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.javaparallel.parallel.spi.UserNames;

/**
 * Writes an exception's stack trace the way a notebook reader needs it: headlines that name classes as the user
 * wrote them ("Boom: boom 3"), and only frames of cell code, each naming the cell and line
 * ("at square(cell [3] line 2)"); library frames are left out.
 */
final class FailureTrace {
    record Origin(int cellNumber, int firstLine) {
    }

    private static final int FRAMES_WITHOUT_CELL_CODE = 5;
    private static final String SNIPPET_FILE_PREFIX = "#";

    private FailureTrace() {
    }

    /**
     * {@code failure} gives each exception's type and message; {@code translated} is JShell's copy of it, whose
     * frames name snippets ("#12") and snippet lines instead of wrapper classes.
     */
    static List<String> lines(Throwable failure, Throwable translated, Map<String, Origin> originsBySnippetId) {
        List<String> lines = new ArrayList<>();
        Throwable current = failure;
        Throwable frames = translated;
        String prefix = "";
        while (current != null) {
            lines.add(prefix + UserNames.of(current));
            lines.addAll(frames((frames != null ? frames : current).getStackTrace(), originsBySnippetId));
            current = current.getCause() == current ? null : current.getCause();
            frames = frames == null ? null : frames.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    private static List<String> frames(StackTraceElement[] stack, Map<String, Origin> originsBySnippetId) {
        List<String> cellFrames = new ArrayList<>();
        String previous = null;
        int repeats = 0;
        for (StackTraceElement frame : stack) {
            if (frame.getFileName() == null || !frame.getFileName().startsWith(SNIPPET_FILE_PREFIX)) {
                continue;
            }
            String line = "    at " + describe(frame, originsBySnippetId);
            if (line.equals(previous)) {
                repeats++;
                continue;
            }
            if (repeats > 0) {
                cellFrames.add("    ... the line above repeats " + repeats + " more times");
                repeats = 0;
            }
            cellFrames.add(line);
            previous = line;
        }
        if (repeats > 0) {
            cellFrames.add("    ... the line above repeats " + repeats + " more times");
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
        String method = frame.getMethodName().isEmpty() || frame.getMethodName().equals("do_it$")
                ? "<cell>" : frame.getMethodName();
        if (method.startsWith("lambda$")) {
            method = "<lambda>";
        }
        String file = frame.getFileName();
        Origin origin = originsBySnippetId.get(file.substring(SNIPPET_FILE_PREFIX.length()));
        if (origin == null || frame.getLineNumber() < 1) {
            return method + "(cell)";
        }
        int line = origin.firstLine() + frame.getLineNumber() - 1;
        return method + "(cell [" + origin.cellNumber() + "] line " + line + ")";
    }
}
