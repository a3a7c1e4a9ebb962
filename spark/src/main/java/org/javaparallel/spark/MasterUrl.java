package org.javaparallel.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A Spark master URL and what can be checked about it before Spark spends a minute retrying it. */
record MasterUrl(String url) {
    static final String STANDALONE_SCHEME = "spark://";

    /** {@code local}, {@code local[n]}, {@code local[*]}: executors share the driver's JVM and its classes. */
    boolean sharesDriverJvm() {
        return url.equals("local") || url.startsWith("local[");
    }

    boolean isStandalone() {
        return url.startsWith(STANDALONE_SCHEME);
    }

    /** host:port pairs of a standalone master URL (several for a high-availability setup). */
    List<InetSocketAddress> standaloneAddresses() {
        return Arrays.stream(url.substring(STANDALONE_SCHEME.length()).split(","))
                .map(String::strip)
                .map(this::address)
                .toList();
    }

    private InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new SparkStartException("'" + url + "' is not a Spark master URL: expected spark://host:port, "
                    + "e.g. spark://127.0.0.1:7077");
        }
        try {
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new SparkStartException("'" + url + "' has no valid port: expected spark://host:port", e);
        }
    }

    /**
     * Fails at once, naming the master, when no address of a standalone master accepts a connection.
     *
     * @return the local address of the connection that succeeded: one the master's network routes back to
     */
    InetAddress requireReachable(Duration timeout) {
        try (Socket socket = connect(timeout)) {
            return socket.getLocalAddress();
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    /** A connection to the first address of a standalone master that accepts one; the caller closes it. */
    Socket connect(Duration timeout) {
        IOException last = null;
        for (InetSocketAddress address : standaloneAddresses()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()),
                        (int) timeout.toMillis());
                return socket;
            } catch (IOException e) {
                last = e;
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it never connected
                }
            }
        }
        throw new SparkStartException("Cannot reach the Spark master " + url + " (" + last.getMessage() + "). "
                + "Is the cluster running? Start it, or check the URL (%spark conf spark.master=..., or the backend's URL).",
                last);
    }
}
