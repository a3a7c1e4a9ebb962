package org.javaparallel.parallel.threads;

import org.javaparallel.parallel.BackendSpec;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.PoolProvider;
import org.javaparallel.parallel.engine.ChunkedPool;

/** The threads engine, found by {@link java.util.ServiceLoader}: pools for {@code threads N [virtual]}. */
public final class ThreadPoolProvider implements PoolProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ThreadPoolProvider() {
    }

    @Override
    public boolean supports(BackendSpec spec) {
        return spec instanceof BackendSpec.Threads;
    }

    @Override
    public Pool create(BackendSpec spec) {
        BackendSpec.Threads threads = (BackendSpec.Threads) spec;
        return new ChunkedPool<>(new ThreadChunkRunner(threads.n(), threads.virtual()));
    }
}
