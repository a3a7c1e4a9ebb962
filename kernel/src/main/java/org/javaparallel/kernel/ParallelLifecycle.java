package org.javaparallel.kernel;

import org.javaparallel.parallel.Backends;

/** Interrupt cancels the tasks of every pool; shutdown stops every worker JVM. */
final class ParallelLifecycle implements KernelLifecycle {
    @Override
    public void interrupt() {
        Backends.cancelRunning();
    }

    @Override
    public void shutdown() {
        Backends.shutdownAll();
    }
}
