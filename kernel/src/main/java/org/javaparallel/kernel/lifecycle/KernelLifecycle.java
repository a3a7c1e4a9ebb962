package org.javaparallel.kernel.lifecycle;

/**
 * What the kernel tells the parts that run cell work elsewhere (backends, Spark): a cell starts, the user
 * interrupted, the kernel shuts down or restarts. Registered at start-up by {@link KernelMain}.
 */
public interface KernelLifecycle {
    /** {@code executionCount} is the cell's number, the N of the notebook's [N]. */
    default void beforeCell(int executionCount) {
    }

    default void interrupt() {
    }

    default void shutdown() {
    }
}
