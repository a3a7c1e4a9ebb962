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

    /**
     * The loader of cell classes: the evaluator's in a kernel, else the calling thread's context loader (the
     * parallel API used from a plain program).
     *
     * @return the loader to resolve cell classes with
     */
    public static ClassLoader loader() {
        CellCode cellCode = current;
        return cellCode != null ? cellCode.loader() : Thread.currentThread().getContextClassLoader();
    }
}
