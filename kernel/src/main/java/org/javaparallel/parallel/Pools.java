package org.javaparallel.parallel;

import org.javaparallel.parallel.engine.ChunkedPool;
import org.javaparallel.parallel.process.ProcessChunkRunner;
import org.javaparallel.parallel.threads.ThreadChunkRunner;

/**
 * Pools to create explicitly, like {@code multiprocessing.Pool(4)}; use them in try-with-resources.
 * {@link #current()} is the kernel-wide pool that {@code %backend} chooses.
 */
public final class Pools {
    private Pools() {
    }

    /** {@code n} platform threads of this JVM. */
    public static Pool threads(int n) {
        return create(new BackendSpec.Threads(n, false));
    }

    /** {@code n} worker JVMs, started when first needed and kept until close. */
    public static Pool processes(int n) {
        return create(new BackendSpec.Processes(n));
    }

    /** The kernel's current backend; closing it is ignored (use {@code %backend} to change it). */
    public static Pool current() {
        return Backends.current();
    }

    /** A new pool for the spec; Spark specs need the factory the Spark module registers. */
    public static Pool create(BackendSpec spec) {
        if (spec instanceof BackendSpec.Threads threads) {
            return threadPool(threads.n(), threads.virtual());
        }
        if (spec instanceof BackendSpec.Processes processes) {
            return processPool(processes.n());
        }
        return Backends.track(Backends.factoryFor(spec).create(spec));
    }

    static ChunkedPool<?> threadPool(int n, boolean virtual) {
        return Backends.track(new ChunkedPool<>(new ThreadChunkRunner(n, virtual)));
    }

    static ChunkedPool<?> processPool(int n) {
        return Backends.track(new ChunkedPool<>(new ProcessChunkRunner(n)));
    }
}
