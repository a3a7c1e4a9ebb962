package org.javaparallel.kernel;

/**
 * What the kernel tells the parts that run cell work elsewhere (backends, Spark): a cell starts, the user
 * interrupted, the kernel shuts down or restarts. Registered at start-up by {@link KernelMain}.
 */
public interface KernelLifecycle {
    default void beforeCell() {
    }

    default void interrupt() {
    }

    default void shutdown() {
    }
}
