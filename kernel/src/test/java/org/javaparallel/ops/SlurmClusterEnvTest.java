package org.javaparallel.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.javaparallel.spark.ClusterFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node and size logic of spark-conf/slurm/cluster-env.sh on a faked 3-node allocation:
 * SLURM's environment set by hand, {@code scontrol} replaced by a script on PATH.
 */
class SlurmClusterEnvTest {

    @TempDir
    Path dir;
    Path stateDir;
    Map<String, String> env;

    @BeforeEach
    void fakeAllocation() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path scontrol = Files.writeString(bin.resolve("scontrol"), """
                #!/bin/sh
                [ "$1 $2 $3" = "show hostnames cn[07-09]" ] || { echo "unexpected: $*" >&2; exit 1; }
                printf 'cn07\\ncn08\\ncn09\\n'
                """);
        Files.setPosixFilePermissions(scontrol, PosixFilePermissions.fromString("rwxr-xr-x"));
        stateDir = dir.resolve("state");
        env = new HashMap<>(Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "SLURM_JOB_ID", "777",
                "SLURM_JOB_NODELIST", "cn[07-09]",
                "SLURM_CPUS_PER_TASK", "8",
                "SLURM_MEM_PER_NODE", "16000",
                "JAVA_PARALLEL_STATE_DIR", stateDir.toString()));
    }

    private OpsScripts.Result clusterEnv(String script) {
        Path lib = OpsScripts.sparkConf().resolve("slurm/cluster-env.sh");
        return OpsScripts.run(env, Duration.ofSeconds(20), "bash", "-c",
                "set -euo pipefail; source '" + lib + "'; jp_cluster_plan; " + script);
    }

    private List<String> lines(String script) {
        OpsScripts.Result result = clusterEnv(script);
        assertEquals(0, result.exitCode(), result::describe);
        return result.stdout().lines().toList();
    }

    @Test
    void masterRunsOnTheFirstNodeOfTheAllocation() {
        assertEquals(List.of("cn07", "cn07 cn08 cn09"), lines("echo $JP_MASTER_HOST; echo ${JP_NODES[*]}"));
    }

    @Test
    void firstNodeKeepsRoomForTheDriverAndTheMaster() {
        List<String> sizes = lines("for n in \"${JP_NODES[@]}\"; do echo \"$n $(jp_worker_cores $n) $(jp_worker_memory_mb $n)\"; done");
        // 8 CPUs per task; 16000 MB per node minus 1024 for the worker daemon; on cn07 also 2048 (driver) + 512 (master).
        assertEquals(List.of("cn07 7 12416", "cn08 8 14976", "cn09 8 14976"), sizes);
    }

    @Test
    void driverRoomAndMemoryPerCpuAreHonoured() {
        env.remove("SLURM_MEM_PER_NODE");
        env.put("SLURM_MEM_PER_CPU", "1000");
        env.put("JP_DRIVER_CORES", "2");
        env.put("JP_DRIVER_MEMORY_MB", "1000");
        assertEquals(List.of("6 5464", "8 6976"),
                lines("echo \"$(jp_worker_cores cn07) $(jp_worker_memory_mb cn07)\"; echo \"$(jp_worker_cores cn08) $(jp_worker_memory_mb cn08)\""));
    }

    @Test
    void aSingleCpuStillGivesTheFirstNodeAWorkerCore() {
        env.put("SLURM_CPUS_PER_TASK", "1");
        assertEquals(List.of("1"), lines("jp_worker_cores cn07"));
    }

    @Test
    void tooLittleMemoryFailsNamingMem() {
        env.put("SLURM_MEM_PER_NODE", "3000");
        OpsScripts.Result result = clusterEnv("jp_worker_memory_mb cn07");
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains("node cn07 has 3000 MB") && result.stderr().contains("--mem"), result::describe);
    }

    @Test
    void aWorkerTooSmallForOneExecutorStopsTheJobSayingWhatToChange() throws IOException {
        env.put("SLURM_MEM_PER_NODE", "4096"); // sbatch --mem=4G: 512 MB left for executors on the first node
        Path defaults = Files.writeString(dir.resolve("spark-defaults.conf"), "spark.serializer x\n");
        OpsScripts.Result result = clusterEnv("jp_require_executor_fits cn07 $(jp_worker_memory_mb cn07) " + defaults);
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains("the worker on cn07 would have 512 MB for executors"), result::describe);
        assertTrue(result.stderr().contains("spark.executor.memory = 1024 MB, from " + defaults), result::describe);
        assertTrue(result.stderr().contains("sbatch --mem=4608M"), result::describe);
        assertTrue(result.stderr().contains("%spark conf spark.executor.memory=512m"), result::describe);
    }

    @Test
    void anExecutorMemoryThatFitsLetsTheJobGoOn() throws IOException {
        env.put("SLURM_MEM_PER_NODE", "4096");
        Path defaults = Files.writeString(dir.resolve("spark-defaults.conf"), "spark.executor.memory   512m\n");
        assertEquals(List.of("fits"), lines("jp_require_executor_fits cn07 512 " + defaults + " && echo fits"));
        assertEquals(List.of("2048 512 1024"), lines("echo $(jp_size_mb 2g) $(jp_size_mb 512M) $(jp_size_mb 1024)"));
    }

    @Test
    void masterFileIsWhatTheKernelReadsAndOnlyItsJobRemovesIt() {
        Path secret = stateDir.resolve("spark-secret-777");
        lines("jp_write_master_file spark://cn07:7077 http://cn07:8080 '" + secret + "'");

        ClusterFile cluster = ClusterFile.read(stateDir.resolve(ClusterFile.FILE_NAME)).orElseThrow();
        assertEquals(new ClusterFile("spark://cn07:7077", "http://cn07:8080", secret, "777"), cluster);

        env.put("SLURM_JOB_ID", "778");
        lines("jp_remove_master_file");
        assertTrue(Files.exists(stateDir.resolve(ClusterFile.FILE_NAME)), "another job's file must stay");
        env.put("SLURM_JOB_ID", "777");
        lines("jp_remove_master_file");
        assertFalse(Files.exists(stateDir.resolve(ClusterFile.FILE_NAME)));
    }

    @Test
    void nodeLocalDirectoryIsPerJob() {
        env.put("TMPDIR", "/scratch/local");
        assertEquals(List.of("/scratch/local/java-parallel-spark-777"), lines("jp_node_local_dir"));
    }

    @Test
    void outsideAJobItSaysHowToSubmit() {
        env.remove("SLURM_JOB_ID");
        OpsScripts.Result result = clusterEnv("true");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("sbatch spark-cluster.sbatch"), result::describe);
    }
}
