package org.javaparallel.kernel.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * Returns when every prerequisite is there; otherwise skips the calling test (or fails it under CI). For code
     * that tests call, such as {@link JupyterClient#start}; a test class says what it needs with {@link Needs}.
     *
     * @param needed what the caller needs
     */
    public static void require(Prerequisite... needed) {
        Optional<String> reason = missing(List.of(needed));
        if (reason.isEmpty()) {
            return;
        }
        if (underCi()) {
            throw new AssertionError(reason.get() + " (CI installs these: see run-tests.sh)");
        }
        Assumptions.abort(reason.get());
    }

    /**
     * What is missing of {@code needed}, with the commands that install it; empty when everything is there.
     *
     * @param needed the prerequisites to check
     * @return the reason to skip, or empty
     */
    static Optional<String> missing(List<Prerequisite> needed) {
        List<Prerequisite> missing = needed.stream().filter(p -> !available(p)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(missing.stream()
                .map(p -> "needs " + p.description() + "; install with: " + p.installCommand())
                .collect(Collectors.joining("; ")));
    }

    /** CI installs every prerequisite, so there a missing one is a broken set-up, not a reason to skip. */
    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static synchronized boolean available(Prerequisite prerequisite) {
        return CHECKED.computeIfAbsent(prerequisite, Prerequisite::isAvailable);
    }

}
