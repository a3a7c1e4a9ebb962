package org.javaparallel.parallel;

/**
 * The service a backend implements, found with {@link java.util.ServiceLoader}: the threads and worker-JVM
 * engines of this library, and the Spark backend of {@code java-parallel-spark} when its jar is on the class
 * path. Programs and cells do not call it; they use {@link Pools} and {@link Backends}.
 *
 * <p>An implementation is listed in {@code META-INF/services/org.javaparallel.parallel.PoolProvider} and has a
 * public no-argument constructor.
 */
public interface PoolProvider {
    /**
     * Whether this provider creates pools for {@code spec}.
     *
     * @param spec a backend spec, never null
     * @return true when {@link #create} accepts it
     */
    boolean supports(BackendSpec spec);

    /**
     * A new pool for {@code spec}, owned by the caller, who closes it.
     *
     * @param spec a spec this provider {@linkplain #supports supports}
     * @return the pool, never null
     * @throws IllegalStateException if the backend cannot be started (e.g. Spark on an unsupported Java)
     */
    Pool create(BackendSpec spec);

    /**
     * Starts one task in a JVM of its own ({@link WorkerProcess#start}); only the worker-JVM engine does this.
     *
     * @param task what the new JVM runs
     * @return the started process
     * @throws UnsupportedOperationException if this provider has no worker JVMs
     */
    default WorkerProcess startProcess(SerializableCallable<?> task) {
        throw new UnsupportedOperationException(getClass().getName() + " starts no worker processes");
    }
}
