package org.javaparallel.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;

/**
 * Notices a standalone master that stopped answering (its host gone, its SLURM job ended). Spark itself only logs
 * "Disconnected from Spark cluster! Waiting for reconnection..." and keeps the application, whose next job then
 * waits for executors that never come, or for tasks on lost hosts until spark.network.timeout (120 s).
 *
 * <p>It holds one idle TCP connection to the master with keepalive probes a few seconds apart: a master process
 * that ends closes it at once, a host that is gone stops answering the probes (about 5 s). A connection per probe
 * would do too, but the master logs every connection that ends ("got disassociated"), which would fill its log.
 * When the connection ends and a new one cannot be made, the loss is reported once and the watch ends.
 */
final class MasterWatch implements AutoCloseable {
    private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A master that ends connections quickly gets a new one no more often than this. */
    private static final Duration MIN_RECONNECT_INTERVAL = Duration.ofSeconds(5);
    private static final int KEEPALIVE_IDLE_SECONDS = 2;
    private static final int KEEPALIVE_INTERVAL_SECONDS = 1;
    private static final int KEEPALIVE_PROBES = 3;
    private final MasterUrl master;
    private Thread thread;
    private Socket connection;
    private boolean closed;

    MasterWatch(MasterUrl master) {
        this.master = master;
    }

    /**
     * @param onLost called once, on the watch's thread, with what happened, e.g. "The Spark master spark://n1:7077
     *        stopped answering at 12:03:04 (Connection timed out), so the session on it was stopped."
     */
    synchronized void start(Consumer<String> onLost) {
        thread = new Thread(() -> watch(onLost), "spark-master-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(Consumer<String> onLost) {
        while (true) {
            long connected = System.nanoTime();
            String ended;
            try (Socket socket = master.connect(RECONNECT_TIMEOUT); InputStream in = socket.getInputStream()) {
                if (!hold(socket)) {
                    return;
                }
                // the master never writes to a connection that sent it nothing: read returns only when it ends
                ended = in.read() < 0 ? "it closed the connection" : "it sent unexpected data";
            } catch (SparkStartException unreachable) {
                if (isClosed()) {
                    return;
                }
                onLost.accept("The Spark master " + master.url() + " stopped answering at "
                        + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " (" + unreachable.getCause().getMessage()
                        + "), so the session on it was stopped.");
                return;
            } catch (IOException e) {
                ended = e.getMessage();
            }
            if (isClosed()) {
                return;
            }
            // reconnects at once: a master that is still there keeps the session
            System.getLogger(MasterWatch.class.getName()).log(System.Logger.Level.DEBUG,
                    "connection to the Spark master " + master.url() + " ended (" + ended + "); reconnecting");
            try {
                Thread.sleep(Math.max(0, MIN_RECONNECT_INTERVAL.toMillis() - (System.nanoTime() - connected) / 1_000_000));
            } catch (InterruptedException e) {
                return; // closed
            }
        }
    }

    /** Keeps {@code socket} as the connection {@link #close} ends; false when the watch was closed meanwhile. */
    private synchronized boolean hold(Socket socket) throws IOException {
        if (closed) {
            return false;
        }
        socket.setKeepAlive(true);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_INTERVAL_SECONDS);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, KEEPALIVE_PROBES);
        connection = socket;
        return true;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
        if (connection != null) {
            try {
                connection.close(); // ends the watch's blocking read
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }
}
