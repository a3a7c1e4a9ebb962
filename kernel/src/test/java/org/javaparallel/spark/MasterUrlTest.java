package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MasterUrlTest {
    @Test
    void localMastersShareTheDriverJvmAndClustersDoNot() {
        assertTrue(new MasterUrl("local[2]").sharesDriverJvm());
        assertTrue(new MasterUrl("local").sharesDriverJvm());
        assertFalse(new MasterUrl("local-cluster[2,1,1024]").sharesDriverJvm());
        assertFalse(new MasterUrl("spark://127.0.0.1:7077").sharesDriverJvm());
    }

    @Test
    void aMalformedStandaloneUrlIsNamed() {
        SparkStartException error = assertThrows(SparkStartException.class,
                () -> new MasterUrl("spark://127.0.0.1").requireReachable(Duration.ofSeconds(1)));
        assertTrue(error.getMessage().contains("spark://host:port"), error.getMessage());
    }

    @Test
    void anUnreachableMasterFailsAtOnceWithoutStartingSpark() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SparkSessions sessions = new SparkSessions(SparkSettings.of(Optional.empty()));
        long start = System.nanoTime();
        SparkStartException error = assertThrows(SparkStartException.class,
                () -> sessions.session("spark://127.0.0.1:" + closedPort));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(error.getMessage().startsWith("Cannot reach the Spark master spark://127.0.0.1:" + closedPort),
                error.getMessage());
        assertTrue(millis < 5000, "took " + millis + " ms");
        assertFalse(sessions.isRunning());
    }
}
