package org.javaparallel.parallel;

/** Executors like Python's {@code ThreadPoolExecutor} and {@code ProcessPoolExecutor}; use in try-with-resources. */
public final class Futures {
    private Futures() {
    }

    public static TaskExecutor threadExecutor(int threads) {
        return new TaskExecutor(Pools.threadPool(threads, false));
    }

    public static TaskExecutor processExecutor(int workers) {
        return new TaskExecutor(Pools.processPool(workers));
    }
}
