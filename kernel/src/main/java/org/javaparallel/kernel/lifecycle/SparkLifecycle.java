package org.javaparallel.kernel.lifecycle;

import org.javaparallel.parallel.spi.CallerContext;
import org.javaparallel.spark.SparkSessions;

/** Each cell's Spark jobs form a job group that an interrupt cancels; shutdown stops the session. */
public final class SparkLifecycle implements KernelLifecycle {
    @Override
    public void beforeCell(int executionCount) {
        SparkSessions.shared().beforeCell("cell " + executionCount, CallerContext.capture());
    }

    @Override
    public void interrupt() {
        SparkSessions.shared().interruptCell();
    }

    @Override
    public void shutdown() {
        SparkSessions.shared().stop();
    }
}
