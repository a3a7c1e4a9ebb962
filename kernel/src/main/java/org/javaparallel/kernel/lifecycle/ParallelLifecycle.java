package org.javaparallel.kernel.lifecycle;

import org.javaparallel.parallel.Backends;

/** Interrupt cancels the tasks of every pool; shutdown stops every worker JVM. */
public final class ParallelLifecycle implements KernelLifecycle {
    @Override
    public void interrupt() {
        Backends.cancelRunning();
    }

    @Override
    public void shutdown() {
        Backends.shutdownAll();
    }
}
