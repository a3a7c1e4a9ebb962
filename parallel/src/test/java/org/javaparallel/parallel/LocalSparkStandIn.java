package org.javaparallel.parallel;

/**
 * An engine for {@code spark local[n]} made of threads, registered only on this module's test class path: it
 * shows that {@link Backends} finds engines with ServiceLoader, without Spark in this module.
 */
public final class LocalSparkStandIn implements PoolProvider {
    @Override
    public boolean supports(BackendSpec spec) {
        return spec instanceof BackendSpec.SparkLocal;
    }

    @Override
    public Pool create(BackendSpec spec) {
        return Pools.threads(((BackendSpec.SparkLocal) spec).n());
    }
}
