package org.javaparallel.parallel.process;

import org.javaparallel.parallel.BackendSpec;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.PoolProvider;
import org.javaparallel.parallel.SerializableCallable;
import org.javaparallel.parallel.WorkerProcess;
import org.javaparallel.parallel.engine.ChunkedPool;

/**
 * The worker-JVM engine, found by {@link java.util.ServiceLoader}: pools for {@code processes N}, and the JVM of
 * each {@link WorkerProcess}.
 */
public final class ProcessPoolProvider implements PoolProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ProcessPoolProvider() {
    }

    @Override
    public boolean supports(BackendSpec spec) {
        return spec instanceof BackendSpec.Processes;
    }

    @Override
    public Pool create(BackendSpec spec) {
        return new ChunkedPool<>(new ProcessChunkRunner(((BackendSpec.Processes) spec).n()));
    }

    @Override
    public WorkerProcess startProcess(SerializableCallable<?> task) {
        return new JvmWorkerProcess(task).start();
    }
}
