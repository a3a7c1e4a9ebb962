package org.javaparallel.parallel;

/** Creates the pool for a backend kind whose implementation lives elsewhere (Spark), see {@link Backends#registerFactory}. */
@FunctionalInterface
public interface PoolFactory {
    Pool create(BackendSpec spec);
}
