package org.javaparallel.parallel;

/**
 * Pools to create explicitly, like {@code multiprocessing.Pool(4)}; use them in try-with-resources.
 * {@link #current()} is the kernel-wide pool that {@code %backend} chooses (in a plain program: the one
 * {@link Backends#use} chose, else threads on every core).
 */
public final class Pools {
    private Pools() {
    }

    /**
     * A pool of {@code n} platform threads of this JVM.
     *
     * @param n the number of threads, at least 1
     * @return a new pool; close it when done
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public static Pool threads(int n) {
        return create(new BackendSpec.Threads(n, false));
    }

    /**
     * A pool of {@code n} worker JVMs, started when first needed and kept until close.
     *
     * @param n the number of worker JVMs, at least 1
     * @return a new pool; close it when done, which stops its JVMs
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public static Pool processes(int n) {
        return create(new BackendSpec.Processes(n));
    }

    /**
     * The current backend's pool. Closing what this returns is ignored: the backend stays (in a notebook,
     * {@code %backend} changes it).
     *
     * @return the current pool, never null
     */
    public static Pool current() {
        return Backends.current();
    }

    /**
     * A new pool for {@code spec}, from the engine that supports it.
     *
     * @param spec which backend, e.g. {@code BackendSpec.parse("spark local[2]")}; not null
     * @return a new pool; close it when done
     * @throws IllegalStateException if no engine for the spec is on the class path, or it cannot start
     */
    public static Pool create(BackendSpec spec) {
        return Backends.track(Backends.providerFor(spec).create(spec));
    }
}
