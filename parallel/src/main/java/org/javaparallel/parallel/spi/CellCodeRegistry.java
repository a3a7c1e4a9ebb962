package org.javaparallel.parallel.spi;

import java.util.Optional;

/** Where the kernel installs its {@link CellCode}; empty when the parallel API runs outside a kernel. */
public final class CellCodeRegistry {
    private static volatile CellCode current;

    private CellCodeRegistry() {
    }

    public static void install(CellCode cellCode) {
        current = cellCode;
    }

    public static Optional<CellCode> current() {
        return Optional.ofNullable(current);
    }
}
