/**
 * Internal, not API: the engine that runs a pool's tasks on threads of the kernel's own JVM. It is found
 * through {@link org.javaparallel.parallel.PoolProvider} and {@link java.util.ServiceLoader}; cell code reaches
 * it only through {@link org.javaparallel.parallel.Pools}. It depends on {@link org.javaparallel.parallel} and
 * {@link org.javaparallel.parallel.engine}.
 */
package org.javaparallel.parallel.threads;
