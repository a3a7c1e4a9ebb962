package org.javaparallel.ops;

import org.javaparallel.kernel.testing.Needs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.spark.ClusterFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * spark-conf/slurm/spark-cluster.sbatch on the real one-node SLURM of .ci/slurm-up.sh: the job
 * starts a master and a worker, publishes them in the master file, and scancel stops everything.
 */
@Needs(Prerequisite.SLURM)
class SlurmClusterIT {

    private final Path stateDir = OpsScripts.target().resolve("it-slurm-state");
    private String jobId;


    @AfterEach
    void cancelJob() {
        if (jobId != null && inQueue(jobId)) {
            OpsScripts.run(Map.of(), Duration.ofSeconds(15), "scancel", jobId);
        }
    }

    @Test
    void clusterJobPublishesItsMasterAndScancelStopsEverything() throws IOException {
        prepareStateDir();
        int cpus = Math.min(2, Runtime.getRuntime().availableProcessors());
        // Submitted from SPARK_HOME/conf as installed: the job finds SPARK_HOME from the script's path.
        Path sbatchScript = OpsScripts.sparkHome().resolve("conf/slurm/spark-cluster.sbatch");
        OpsScripts.Result submitted = OpsScripts.run(Map.of(
                        "JAVA_PARALLEL_STATE_DIR", stateDir.toString(),
                        "JP_JAVA_HOME", System.getProperty("java.home"),
                        // Small CI machines: keep little memory free for a driver on the node.
                        "JP_DRIVER_MEMORY_MB", "512"),
                Duration.ofSeconds(30), "sbatch", "--parsable", "--nodes=1", "--ntasks-per-node=1",
                "--cpus-per-task=" + cpus, "--time=15", "--output=" + stateDir.resolve("job-%j.log"),
                sbatchScript.toString());
        assertEquals(0, submitted.exitCode(), submitted::describe);
        jobId = submitted.stdout().strip().split(";")[0];
        Path masterFile = stateDir.resolve(ClusterFile.FILE_NAME);

        OpsScripts.awaitOrFail(Duration.ofSeconds(240), () -> Files.exists(masterFile) || !inQueue(jobId),
                "the master file of job " + jobId, () -> OpsScripts.jobLog(stateDir, jobId));
        ClusterFile cluster = ClusterFile.read(masterFile)
                .orElseThrow(() -> new AssertionError("job " + jobId + " ended without publishing its master:"
                        + OpsScripts.jobLog(stateDir, jobId)));
        assertEquals(jobId, cluster.jobId());
        assertTrue(cluster.master().matches("spark://[\\w.-]+:\\d+"), cluster::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cluster.secretFile())));
        assertFalse(cluster.secret().isBlank());

        // the master file holds the UI's token: only its owner reads it, and the UI refuses a request without it
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(masterFile)));
        OpsScripts.UiLink ui = OpsScripts.UiLink.parse(cluster.ui());
        assertEquals(403, OpsScripts.httpResponse(ui.base() + "/json/").statusCode());
        String json = ui.json();
        assertTrue(json.matches("(?s).*\"aliveworkers\" : 1,.*"), json);
        assertTrue(json.contains("\"state\" : \"ALIVE\""), json);
        String jobMarker = "spark-cluster-" + jobId + ".conf";
        assertEquals(2, sparkJvms(jobMarker).size(), () -> "master and worker JVMs of job " + jobId + ": " + sparkJvms(jobMarker));

        OpsScripts.Result cancelled = OpsScripts.run(Map.of(), Duration.ofSeconds(15), "scancel", jobId);
        assertEquals(0, cancelled.exitCode(), cancelled::describe);
        OpsScripts.awaitOrFail(Duration.ofSeconds(60), () -> !inQueue(jobId), "job " + jobId + " to leave the queue",
                () -> OpsScripts.jobLog(stateDir, jobId));
        OpsScripts.awaitOrFail(Duration.ofSeconds(30), () -> sparkJvms(jobMarker).isEmpty(),
                "the Spark JVMs of job " + jobId + " to end",
                () -> ": " + sparkJvms(jobMarker) + OpsScripts.jobLog(stateDir, jobId));
        assertFalse(Files.exists(masterFile), "the job must remove its master file");
        assertFalse(Files.exists(cluster.secretFile()), "the job must remove its secret");
    }

    private void prepareStateDir() throws IOException {
        Files.createDirectories(stateDir);
        Files.deleteIfExists(stateDir.resolve(ClusterFile.FILE_NAME));
    }

    private static List<String> sparkJvms(String marker) {
        return OpsScripts.processesMentioning(marker).stream()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("").replaceAll(".* org\\.apache", "org.apache"))
                .toList();
    }

    private static boolean inQueue(String job) {
        OpsScripts.Result squeue = OpsScripts.run(Map.of(), Duration.ofSeconds(15), "squeue", "-h", "-j", job);
        return squeue.exitCode() == 0 && !squeue.stdout().isBlank();
    }
}
