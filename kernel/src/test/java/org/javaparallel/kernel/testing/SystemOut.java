package org.javaparallel.kernel.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs test code with System.out going to a buffer. */
public final class SystemOut {
    private SystemOut() {
    }

    /** What {@code action} printed. */
    public static String captured(Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        capturing(captured, () -> {
            action.run();
            return null;
        });
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code action} with System.out going to {@code captured}, which it may read; returns what it returned. */
    public static <T> T capturing(ByteArrayOutputStream captured, Supplier<T> action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.setOut(original);
        }
    }
}
