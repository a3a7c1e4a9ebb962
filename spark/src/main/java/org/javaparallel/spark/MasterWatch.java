package org.javaparallel.spark;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Notices a standalone master that stopped answering (its host gone, its SLURM job ended). Spark itself only
 * logs "Disconnected from Spark cluster! Waiting for reconnection..." and keeps the application, whose next job
 * then waits for executors that never come. Probes the master's port every {@link #PERIOD}; after
 * {@link #MISSES} misses in a row it reports the loss once and ends, within about 12 s of the loss.
 */
final class MasterWatch implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(3);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int MISSES = 2;
    private final MasterUrl master;
    private Thread thread;

    MasterWatch(MasterUrl master) {
        this.master = master;
    }

    /**
     * @param onLost called once, on the watch's thread, with what happened, e.g. "The Spark master spark://n1:7077
     *        stopped answering at 12:03:04 (Connect timed out), so the session on it was stopped."
     */
    synchronized void start(Consumer<String> onLost) {
        thread = new Thread(() -> watch(master, onLost), "spark-master-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static void watch(MasterUrl master, Consumer<String> onLost) {
        int misses = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(PERIOD.toMillis());
                try {
                    master.requireReachable(PROBE_TIMEOUT);
                    misses = 0;
                } catch (SparkStartException miss) {
                    if (++misses == MISSES) {
                        onLost.accept("The Spark master " + master.url() + " stopped answering at "
                                + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " ("
                                + miss.getCause().getMessage() + "), so the session on it was stopped.");
                        return;
                    }
                }
            }
        } catch (InterruptedException closed) {
            // the session stopped
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
