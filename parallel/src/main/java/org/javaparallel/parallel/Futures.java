package org.javaparallel.parallel;

/** Executors like Python's {@code ThreadPoolExecutor} and {@code ProcessPoolExecutor}; use in try-with-resources. */
public final class Futures {
    private Futures() {
    }

    /**
     * Like {@code ThreadPoolExecutor(max_workers=threads)}.
     *
     * @param threads the number of threads, at least 1
     * @return a new executor; close or shut it down when done
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public static TaskExecutor threadExecutor(int threads) {
        return new TaskExecutor(Pools.threads(threads));
    }

    /**
     * Like {@code ProcessPoolExecutor(max_workers=workers)}: tasks run in worker JVMs.
     *
     * @param workers the number of worker JVMs, at least 1
     * @return a new executor; close or shut it down when done, which stops its JVMs
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public static TaskExecutor processExecutor(int workers) {
        return new TaskExecutor(Pools.processes(workers));
    }
}
