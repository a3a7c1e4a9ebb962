package org.javaparallel.spark;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;

/**
 * What is left of a standalone session that {@link MasterWatch} found without its master: which master and why,
 * so that cells using spark()/sc() keep to that master and its errors say what happened; and the session's stop,
 * which Spark may spend a while on and which a new session must wait for (Spark allows one context per JVM).
 * Used under the lock of {@link SparkSessions}.
 */
final class LostMaster {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private MasterUrl master;
    private String reason;
    private CompletableFuture<Void> stop = CompletableFuture.completedFuture(null);

    /** Records the loss and stops {@code session} on a thread of its own. */
    void record(MasterUrl lost, String why, SparkSession session) {
        master = lost;
        reason = why;
        // not on the caller's thread: Spark may wait for the lost hosts for up to spark.network.timeout
        stop = CompletableFuture.runAsync(session::stop, runnable -> {
            Thread stopper = new Thread(runnable, "spark-lost-session-stop");
            stopper.setDaemon(true);
            stopper.start();
        });
    }

    /** After a session started or the user stopped Spark, the loss is history. */
    void forget() {
        master = null;
        reason = null;
    }

    Optional<MasterUrl> master() {
        return Optional.ofNullable(master);
    }

    /** {@code unreachable}, the failure to reach {@code probed}, with what happened first if it is the lost master. */
    SparkStartException explain(MasterUrl probed, SparkStartException unreachable) {
        return probed.equals(master) ? new SparkStartException(reason + " " + unreachable.getMessage(), unreachable)
                : unreachable;
    }

    /** Waits a little for the lost session's stop; fails, saying to try again, while it goes on. */
    void awaitStop() {
        try {
            stop.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillStopping) {
            throw new SparkStartException("The session whose master stopped answering is still stopping: Spark waits"
                    + " for the lost hosts up to spark.network.timeout (120 s by default). Run the cell again shortly.");
        } catch (ExecutionException failed) {
            // it is stopped as far as it could be; Spark logged why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SparkStartException("Interrupted while the session on the lost master was stopping");
        }
    }
}
