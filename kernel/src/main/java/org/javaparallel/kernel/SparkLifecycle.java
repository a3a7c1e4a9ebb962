package org.javaparallel.kernel;

import org.javaparallel.parallel.CallerContext;
import org.javaparallel.spark.SparkSessions;

/** Each cell's Spark jobs form a job group that an interrupt cancels; shutdown stops the session. */
final class SparkLifecycle implements KernelLifecycle {
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
