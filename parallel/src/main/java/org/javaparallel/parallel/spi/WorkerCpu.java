package org.javaparallel.parallel.spi;

import java.util.concurrent.atomic.AtomicLong;

/** CPU time consumed by all worker JVMs of this kernel, as they report it with each finished chunk. */
public final class WorkerCpu {
    private static final AtomicLong TOTAL_NANOS = new AtomicLong();

    private WorkerCpu() {
    }

    /**
     * The CPU time all worker JVMs reported so far.
     *
     * @return the total in nanoseconds
     */
    public static long totalNanos() {
        return TOTAL_NANOS.get();
    }

    /**
     * Adds CPU time a worker JVM reported; ignores values that are not positive.
     *
     * @param nanos the CPU time in nanoseconds
     */
    public static void add(long nanos) {
        if (nanos > 0) {
            TOTAL_NANOS.addAndGet(nanos);
        }
    }
}
