package org.javaparallel.spark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts a SparkSession within a time limit. Spark itself waits about a minute for a standalone master that
 * does not answer, and forever for executors that never come; the kernel must not. Creation runs on its own
 * thread (whose context class loader, inherited by Spark's threads, is the cells' loader); an attempt that
 * outlives the limit is abandoned and its session stopped whenever Spark gives up or finishes.
 */
final class SessionStarter {
    private static final long EXECUTOR_POLL_MILLIS = 200;
    private static CompletableFuture<?> abandoned = CompletableFuture.completedFuture(null);

    private SessionStarter() {
    }

    /**
     * {@code refusalHint} ends the sentence that says what to do about a master that does not accept the
     * application (e.g. where the kernel looked for its secret), or is empty.
     */
    static SparkSession start(SparkConf conf, MasterUrl master, ClassLoader loader, Duration timeout,
                              String refusalHint) {
        synchronized (SessionStarter.class) {
            if (!abandoned.isDone()) {
                throw new SparkStartException("An earlier attempt to start Spark is still waiting for its master "
                        + "(Spark gives up after about a minute); try again shortly.");
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<SparkSession> creation = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                creation.complete(SparkSession.builder().config(conf).getOrCreate());
            } catch (Throwable e) {
                creation.completeExceptionally(e);
            }
        }, "spark-session-start");
        starter.setContextClassLoader(loader);
        starter.setDaemon(true);
        starter.start();
        SparkSession session = awaitCreation(creation, master, deadline, timeout, refusalHint);
        refuseForeign(session, conf);
        if (!master.sharesDriverJvm()) {
            awaitExecutor(session, master, deadline, timeout);
        }
        return session;
    }

    /**
     * A session with another UI token is one that a cell built itself before ({@code SparkSession.builder()...
     * getOrCreate()}), which Spark hands out again instead of starting the kernel's: it has none of the kernel's
     * settings (the UI's token, a local driver on loopback, the cells' classes for executors), so the kernel leaves
     * it to its owner rather than show links and run cells on it.
     */
    private static void refuseForeign(SparkSession session, SparkConf conf) {
        String token = conf.get(UiTokenFilter.TOKEN_SETTING, "");
        if (!token.equals(session.sparkContext().getConf().get(UiTokenFilter.TOKEN_SETTING, ""))) {
            throw new SparkStartException("Spark already runs in this kernel, started by a cell's own code (e.g."
                    + " SparkSession.builder()...getOrCreate(), master " + session.sparkContext().master() + "), so"
                    + " the kernel cannot start its own: one JVM holds one SparkContext. That session has none of"
                    + " the kernel's settings: its web UI opens without a token, and cells' lambdas may not reach"
                    + " its executors. Stop it in a cell (its stop()), then use %backend spark or spark().");
        }
    }

    private static SparkSession awaitCreation(CompletableFuture<SparkSession> creation, MasterUrl master,
                                              long deadline, Duration timeout, String refusalHint) {
        try {
            return creation.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(creation);
            throw new SparkStartException("The Spark master " + master.url() + " did not accept this application within "
                    + timeout.toSeconds() + " s. Is it a Spark 4.1 master? A cluster that requires a secret "
                    + "(spark.authenticate) refuses a driver without it: %spark conf spark.authenticate=true and "
                    + "spark.authenticate.secret=<the cluster's secret>" + refusalHint
                    + ". The master's web UI lists workers and applications.");
        } catch (ExecutionException e) {
            throw new SparkStartException("Spark did not start on " + master.url() + ": " + rootMessage(e.getCause()),
                    e.getCause());
        } catch (InterruptedException e) {
            abandon(creation);
            Thread.currentThread().interrupt();
            throw new SparkStartException("Interrupted while Spark was starting on " + master.url());
        }
    }

    private static synchronized void abandon(CompletableFuture<SparkSession> creation) {
        abandoned = creation.handle((session, error) -> {
            if (session != null) {
                session.stop();
            }
            return null;
        });
    }

    /** A job submitted without executors waits forever ("Initial job has not accepted any resources"). */
    private static void awaitExecutor(SparkSession session, MasterUrl master, long deadline, Duration timeout) {
        while (session.sparkContext().statusTracker().getExecutorInfos().length < 2) { // the driver is listed too
            if (session.sparkContext().isStopped()) {
                throw new SparkStartException("Spark stopped while waiting for executors from " + master.url()
                        + "; the kernel log has Spark's reason.");
            }
            if (System.nanoTime() > deadline) {
                String message = noExecutorMessage(session.sparkContext().getConf(), master, timeout);
                session.stop();
                throw new SparkStartException(message);
            }
            try {
                Thread.sleep(EXECUTOR_POLL_MILLIS);
            } catch (InterruptedException e) {
                session.stop();
                Thread.currentThread().interrupt();
                throw new SparkStartException("Interrupted while waiting for executors from " + master.url());
            }
        }
    }

    /**
     * Executors that cannot connect back to the driver die at start and are replaced, forever, without a word to
     * the driver (the master reaches it anyway, over the connection the driver opened): the two causes cannot be
     * told apart from here, so the message names both, with the address that a running SparkContext has set.
     */
    private static String noExecutorMessage(SparkConf conf, MasterUrl master, Duration timeout) {
        return "The Spark master " + master.url() + " accepted this application, but no executor started within "
                + timeout.toSeconds() + " s. Executors connect back to this driver at " + conf.get("spark.driver.host")
                + ":" + conf.get("spark.driver.port") + " (spark.driver.host, spark.driver.port): if the workers"
                + " cannot reach that address (a firewall, or an address of another network), set %spark conf"
                + " spark.driver.host=<an address of this host that they reach>, and with a firewall also"
                + " spark.driver.port and spark.blockManager.port to ports it lets through. Otherwise the workers lack"
                + " free cores or memory (each executor needs spark.executor.memory = "
                + conf.get("spark.executor.memory", System.getenv().getOrDefault("SPARK_EXECUTOR_MEMORY", "1g"))
                + "): the master's web UI shows them, the workers' logs say why executors exited.";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root + ")";
    }
}
