package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeysTheClusterJobWrites() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cr3t\n");
        Path file = Files.writeString(dir.resolve(ClusterFile.FILE_NAME), """
                master=spark://node07:7077
                ui=http://node07:8080
                secret_file=%s
                job_id=4242
                """.formatted(secret));

        ClusterFile cluster = ClusterFile.read(file).orElseThrow();

        assertEquals(new ClusterFile("spark://node07:7077", "http://node07:8080", secret, "4242"), cluster);
        assertEquals("s3cr3t", cluster.secret());
    }

    @Test
    void absentFileMeansNoRunningCluster() {
        assertTrue(ClusterFile.read(dir.resolve(ClusterFile.FILE_NAME)).isEmpty());
    }

    @Test
    void absenceMessageTellsHowToStartACluster() {
        String message = ClusterFile.absenceMessage(dir.resolve(ClusterFile.FILE_NAME),
                "/opt/jp/share/java-parallel/spark-home/conf/slurm/spark-cluster.sbatch");
        assertTrue(message.startsWith("no Spark cluster job is running"), message);
        assertTrue(message.contains("sbatch --nodes=N --cpus-per-task=C "
                + "/opt/jp/share/java-parallel/spark-home/conf/slurm/spark-cluster.sbatch"), message);
        assertTrue(message.contains(dir.resolve(ClusterFile.FILE_NAME).toString()), message);
    }

    @Test
    void incompleteFileNamesTheMissingKey() throws IOException {
        Path file = Files.writeString(dir.resolve(ClusterFile.FILE_NAME), "master=spark://n1:7077\nui=http://n1:8080\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClusterFile.read(file));
        assertTrue(e.getMessage().contains("'secret_file='"), e.getMessage());
    }

    @Test
    void rejectsAMasterThatIsNotASparkUrl() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClusterFile("node07:7077", "http://node07:8080", dir, "1"));
    }
}
