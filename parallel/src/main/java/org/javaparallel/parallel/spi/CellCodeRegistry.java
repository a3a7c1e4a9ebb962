package org.javaparallel.parallel.spi;

import java.util.Optional;

/** Where the kernel installs its {@link CellCode}; empty when the parallel API runs outside a kernel. */
public final class CellCodeRegistry {
    private static volatile CellCode current;

    private CellCodeRegistry() {
    }

    /**
     * Installs the kernel's evaluator; the kernel calls this at start-up.
     *
     * @param cellCode the evaluator's cell code; null removes it, as outside a kernel
     */
    public static void install(CellCode cellCode) {
        current = cellCode;
    }

    /**
     * The installed cell code.
     *
     * @return the cell code, or empty outside a kernel
     */
    public static Optional<CellCode> current() {
        return Optional.ofNullable(current);
    }
}
