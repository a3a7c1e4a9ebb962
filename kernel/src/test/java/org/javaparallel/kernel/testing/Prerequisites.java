package org.javaparallel.kernel.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose prerequisites this machine lacks, naming what is missing and the command that installs it
 * ({@code run-tests.sh} lists the skips of a run at its end, from the test reports). Under CI
 * (environment {@code CI=true}) a missing prerequisite fails the test instead: CI installs everything, so a skip
 * there would hide a broken set-up.
 */
public final class Prerequisites {
    private static final Map<Prerequisite, Boolean> CHECKED = new EnumMap<>(Prerequisite.class);

    private Prerequisites() {
    }

    /**
     * Returns when every prerequisite is there; otherwise skips the calling test (or fails it under CI). The test
     * named in the summary is the nearest caller whose class name ends in {@code Test} or {@code IT}.
     *
     * @param needed what the test needs
     */
    public static void require(Prerequisite... needed) {
        require(callingTest(), needed);
    }

    /**
     * Returns when every prerequisite is there; otherwise skips the calling test (or fails it under CI).
     *
     * @param test the test class, named in the summary
     * @param needed what it needs
     */
    public static void require(Class<?> test, Prerequisite... needed) {
        List<Prerequisite> missing = List.of(needed).stream().filter(p -> !available(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String reason = missing.stream()
                .map(p -> "needs " + p.description() + "; install with: " + p.installCommand())
                .collect(Collectors.joining("; "));
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(test.getSimpleName() + " " + reason + " (CI installs these: see run-tests.sh)");
        }
        Assumptions.abort(reason);
    }

    private static Class<?> callingTest() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(type -> type.getSimpleName().endsWith("Test") || type.getSimpleName().endsWith("IT"))
                        .findFirst())
                .orElse(Prerequisites.class);
    }

    private static synchronized boolean available(Prerequisite prerequisite) {
        return CHECKED.computeIfAbsent(prerequisite, Prerequisite::isAvailable);
    }

}
