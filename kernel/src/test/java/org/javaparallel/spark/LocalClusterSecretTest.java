package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sessions get the secret of the cluster start-local-cluster.sh keeps in its state directory. */
class LocalClusterSecretTest {
    private static final MasterUrl CLUSTER = new MasterUrl("spark://127.0.0.1:7077");

    @TempDir
    Path state;

    @Test
    void theRunningClustersUrlGetsItsSecret() throws IOException {
        Files.writeString(state.resolve("master-url"), CLUSTER.url() + "\n");
        Files.writeString(state.resolve("secret"), "0a1b2c\n");
        assertEquals(Optional.of("0a1b2c"), new LocalClusterSecret(state).secretFor(CLUSTER));
    }

    @Test
    void anotherMasterOrNoRunningClusterGetsNone() throws IOException {
        assertEquals(Optional.empty(), new LocalClusterSecret(state.resolve("absent")).secretFor(CLUSTER));
        Files.writeString(state.resolve("master-url"), "spark://127.0.0.1:7078\n");
        Files.writeString(state.resolve("secret"), "0a1b2c\n");
        assertEquals(Optional.empty(), new LocalClusterSecret(state).secretFor(CLUSTER));
    }

    @Test
    void anEmptySecretOfTheRunningClusterSaysWhatToDo() throws IOException {
        Files.writeString(state.resolve("master-url"), CLUSTER.url() + "\n");
        Files.writeString(state.resolve("secret"), "\n");
        SparkStartException e = assertThrows(SparkStartException.class,
                () -> new LocalClusterSecret(state).secretFor(CLUSTER));
        assertTrue(e.getMessage().contains(state.resolve("secret") + " is empty"), e.getMessage());
    }

    @Test
    void onlyAMasterOnLoopbackMayBeTheLocalCluster() {
        assertTrue(LocalClusterSecret.mayBeLocalCluster(CLUSTER));
        assertTrue(LocalClusterSecret.mayBeLocalCluster(new MasterUrl("spark://localhost:7077")));
        assertFalse(LocalClusterSecret.mayBeLocalCluster(new MasterUrl("spark://node1:7077")));
    }

    @Test
    void aMissingSecretOfTheRunningClusterSaysWhatToDo() throws IOException {
        Files.writeString(state.resolve("master-url"), CLUSTER.url() + "\n");
        SparkStartException e = assertThrows(SparkStartException.class,
                () -> new LocalClusterSecret(state).secretFor(CLUSTER));
        assertTrue(e.getMessage().contains(state.resolve("secret") + " cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("stop-local-cluster.sh"), e.getMessage());
    }
}
