package org.javaparallel.kernel;

import org.javaparallel.spark.SparkSessions;

/** Each cell's Spark jobs form a job group that an interrupt cancels; shutdown stops the session. */
final class SparkLifecycle implements KernelLifecycle {
    private int cell;

    @Override
    public void beforeCell() {
        SparkSessions.shared().beforeCell("cell " + (++cell));
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
