package org.javaparallel.parallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import org.javaparallel.parallel.spi.WorkerCpu;

/**
 * The kernel-wide backend that {@code Pools.current()} and {@code %backend} refer to; threads with all cores
 * until chosen otherwise. Also tracks every pool created, so that kernel shutdown leaves no worker JVM behind.
 */
public final class Backends {
    private static final ServiceLoader<PoolProvider> PROVIDERS = ServiceLoader.load(PoolProvider.class,
            Backends.class.getClassLoader());
    private static final Set<Pool> CREATED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static BackendSpec currentSpec;
    private static Pool currentPool;

    private Backends() {
    }

    /**
     * The provider that creates pools for {@code spec}, found with {@link ServiceLoader}.
     *
     * @throws IllegalStateException if no provider on the class path supports it (Spark specs without the
     *         java-parallel-spark jar)
     */
    static PoolProvider providerFor(BackendSpec spec) {
        return findProvider(spec).orElseThrow(() -> new IllegalStateException("the backend '" + spec
                + "' is not available: no engine for it is on the class path (for Spark, add the"
                + " java-parallel-spark jar). Use 'threads' or 'processes' instead."));
    }

    /** The provider that creates pools for {@code spec}, if one is on the class path; providers load once. */
    static Optional<PoolProvider> findProvider(BackendSpec spec) {
        synchronized (PROVIDERS) {
            for (PoolProvider provider : PROVIDERS) {
                if (provider.supports(spec)) {
                    return Optional.of(provider);
                }
            }
        }
        return Optional.empty();
    }

    static <P extends Pool> P track(P pool) {
        CREATED.add(pool);
        return pool;
    }

    /**
     * The backend used until one is chosen: platform threads, one per core.
     *
     * @return {@code threads N} for the N cores this JVM sees
     */
    public static BackendSpec defaultSpec() {
        return new BackendSpec.Threads(BackendSpec.cores(), false);
    }

    /**
     * The current backend's pool, created on first use; closing what this returns does not end the backend.
     *
     * @return the current pool, never null
     * @throws IllegalStateException if the default pool cannot be created
     */
    public static synchronized Pool current() {
        if (currentPool == null) {
            currentSpec = defaultSpec();
            currentPool = Pools.create(currentSpec);
        }
        return new SharedPool(currentPool);
    }

    /**
     * The spec of the current backend.
     *
     * @return the current spec, or {@link #defaultSpec()} if none was chosen or created yet; never null
     */
    public static synchronized BackendSpec currentSpec() {
        return currentSpec == null ? defaultSpec() : currentSpec;
    }

    /**
     * Makes {@code spec} the current backend. If its pool cannot be created, the old backend stays current.
     * The old backend's pool is closed.
     *
     * @param spec the new backend; not null
     * @throws IllegalStateException if no engine supports {@code spec} or its pool cannot start
     */
    public static void use(BackendSpec spec) {
        Pool old;
        synchronized (Backends.class) {
            Pool fresh = Pools.create(spec);
            old = currentPool;
            currentPool = fresh;
            currentSpec = spec;
        }
        if (old != null) {
            old.close();
        }
    }

    /**
     * The current backend and its state, e.g. {@code processes(2): 1 of 2 worker JVMs started: jvm-1 (pid 4242)}.
     *
     * @return the description, never null; it says "(not started yet)" before the first pool was created
     */
    public static synchronized String describe() {
        if (currentPool == null) {
            return currentSpec() + " (not started yet)";
        }
        String state = currentPool.state();
        return currentPool.describe() + (state.isEmpty() ? "" : ": " + state);
    }

    /**
     * Runs {@code body} with {@code spec} as the current backend ({@code %%backend}) and then restores the previous
     * backend, also when the body throws. The temporary pool is closed afterwards.
     *
     * @param spec the backend for the body; not null
     * @param body what to run; not null
     * @param <T> the body's result type
     * @return what the body returned; may be null
     * @throws IllegalStateException if no engine supports {@code spec} or its pool cannot start; the body does
     *         not run then
     * @throws Exception whatever the body throws
     */
    public static <T> T withBackend(BackendSpec spec, Callable<T> body) throws Exception {
        BackendSpec previousSpec;
        Pool previousPool;
        Pool temporary;
        synchronized (Backends.class) {
            temporary = Pools.create(spec);
            previousSpec = currentSpec;
            previousPool = currentPool;
            currentSpec = spec;
            currentPool = temporary;
        }
        try {
            return body.call();
        } finally {
            Pool replacedInBody;
            synchronized (Backends.class) {
                replacedInBody = currentPool;
                currentSpec = previousSpec;
                currentPool = previousPool;
            }
            temporary.close();
            if (replacedInBody != temporary) {
                replacedInBody.close();
            }
        }
    }

    /**
     * Kernel interrupt: cancels the outstanding tasks of the current backend and of every pool cells created;
     * worker JVMs stop the running task or are replaced. The pools stay usable.
     */
    public static void cancelRunning() {
        List<Pool> pools;
        synchronized (CREATED) {
            pools = new ArrayList<>(CREATED);
        }
        pools.forEach(Pool::cancelRunning);
    }

    /** Kernel shutdown or restart: closes the current backend and every pool cells created and did not close. */
    public static void shutdownAll() {
        List<Pool> pools;
        synchronized (Backends.class) {
            currentPool = null;
            currentSpec = null;
            synchronized (CREATED) {
                pools = new ArrayList<>(CREATED);
                CREATED.clear();
            }
        }
        pools.forEach(Pool::close);
    }

    /**
     * CPU time used so far by all worker JVMs of this kernel, so that {@code %time} can add it to the kernel's.
     *
     * @return the CPU time in nanoseconds, 0 if no worker JVM ran
     */
    public static long workerCpuNanos() {
        return WorkerCpu.totalNanos();
    }
}
