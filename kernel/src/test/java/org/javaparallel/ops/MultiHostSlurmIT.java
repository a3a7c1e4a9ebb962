package org.javaparallel.ops;

import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.javaparallel.kernel.testing.ExecuteResult;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.JupyterClient;
import org.javaparallel.kernel.testing.NetnsHosts;
import org.javaparallel.spark.ClusterFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * spark-cluster.sbatch on a three-node SLURM across hosts (.ci/netns-slurm.sh: slurmctld on node1, slurmd on
 * node1, node2, node3, each in its network namespace), with the kernel on host login: the job's cluster serves
 * {@code %backend spark slurm}, scancel leaves no process of the job on any node, and the course's search runs as a
 * batch job that writes its results next to the job log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Needs({Prerequisite.DEBIAN_JUPYTER, Prerequisite.NETWORK_NAMESPACES, Prerequisite.SLURM_DAEMONS})
class MultiHostSlurmIT {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private InstalledKernel installed;
    private NetnsHosts hosts;
    private Path slurmScript;
    private Path stateDir;
    private Path sparkHome;
    private Map<String, String> jobEnvironment;
    private final List<String> jobs = new ArrayList<>();
    private JupyterClient kernel;

    @BeforeAll
    void startSlurmAcrossHosts() throws IOException {
        installed = InstalledKernel.get();
        hosts = NetnsHosts.up(installed.projectRoot());
        slurmScript = installed.projectRoot().resolve(".ci/netns-slurm.sh");
        OpsScripts.Result up = OpsScripts.run(Map.of(), Duration.ofSeconds(90), "bash", slurmScript.toString(), "up");
        assertEquals(0, up.exitCode(), up::describe);
        stateDir = installed.scratchDirectory("multi-host-slurm");
        sparkHome = installed.prefix().resolve("share/java-parallel/spark-home");
        jobEnvironment = new HashMap<>(Map.of(
                "SLURM_CONF", OpsScripts.run(Map.of(), Duration.ofSeconds(10), "bash", slurmScript.toString(), "conf")
                        .stdout().strip(),
                "JAVA_PARALLEL_STATE_DIR", stateDir.toString(),
                "JP_JAVA_HOME", System.getProperty("java.home"),
                // three "nodes" share this machine's memory: small daemons, no room kept for a driver
                "JP_DRIVER_MEMORY_MB", "0",
                "JP_NODE_RESERVED_MB", "256",
                "JP_MASTER_MEMORY_MB", "256",
                "SPARK_EXECUTOR_MEMORY", "512m"));
        List<String> login = new ArrayList<>(hosts.launcher("login"));
        login.add("env");
        jobEnvironment.forEach((name, value) -> login.add(name + "=" + value));
        kernel = JupyterClient.start(installed, login);
    }

    @AfterAll
    void stopSlurmAndHosts() {
        try (NetnsHosts removed = hosts; JupyterClient closed = kernel) {
            jobs.forEach(job -> slurm(Duration.ofSeconds(15), "scancel", job));
            OpsScripts.run(Map.of(), Duration.ofSeconds(30), "bash", slurmScript.toString(), "down");
        }
    }

    @Test
    @Order(1)
    void aJobTooBigForThePartitionIsReportedAsPendingWithWhatToSubmit() {
        String job = submitTo(List.of("--nodes=4"), List.of(sparkHome.resolve("conf/slurm/spark-cluster.sbatch").toString()));
        try {
            ExecuteResult backend = kernel.execute("%backend spark slurm", JOB_TIMEOUT);
            System.out.println("multi-host slurm: a job too big: " + backend.describe());
            assertEquals("error", backend.status(), backend::describe);
            String text = backend.requireError().text();
            assertTrue(text.contains("Spark cluster job " + job + " is PENDING ("), text);
            assertTrue(text.contains("scancel " + job + " and submit a smaller one, e.g. sbatch --nodes=1 --cpus-per-task=2 "
                    + sparkHome.resolve("conf/slurm/spark-cluster.sbatch")), text);
        } finally {
            slurm(Duration.ofSeconds(15), "scancel", job);
        }
    }

    @Test
    @Order(2)
    void theKernelOnTheLoginHostUsesTheJobsClusterAndScancelLeavesNothing() throws IOException {
        String job = submit(List.of());
        Path masterFile = stateDir.resolve(ClusterFile.FILE_NAME);
        OpsScripts.awaitOrFail(Duration.ofSeconds(240), () -> Files.exists(masterFile) || !inQueue(job),
                "the master file of job " + job, () -> OpsScripts.jobLog(stateDir, job));
        ClusterFile cluster = ClusterFile.read(masterFile)
                .orElseThrow(() -> new AssertionError(OpsScripts.jobLog(stateDir, job)));
        assertTrue(cluster.master().startsWith("spark://node1:"), cluster::toString);

        ExecuteResult backend = kernel.execute("%backend spark slurm", JOB_TIMEOUT);
        assertEquals("ok", backend.status(), () -> backend.describe() + OpsScripts.jobLog(stateDir, job));
        assertTrue(backend.stdout().contains("driver at 198.18.77.10"), backend::describe);
        assertEquals("ok", kernel.execute("int k = 3;").status());
        ExecuteResult product = kernel.execute("sc().parallelize(List.of(1, 2, 3)).map(x -> x * k).collect()", JOB_TIMEOUT);
        assertEquals("[3, 6, 9]", product.resultText(), product::describe);
        ExecuteResult where = kernel.execute("new TreeSet<>(sc().parallelize(IntStream.range(0, 24).boxed().toList(), 24)"
                + ".map(x -> { Thread.sleep(300); return java.net.InetAddress.getLocalHost().getHostName(); }).collect())",
                JOB_TIMEOUT);
        assertEquals("[node1, node2, node3]", where.resultText(), where::describe);
        assertEquals("ok", kernel.execute("%backend threads").status());

        assertEquals(0, slurm(Duration.ofSeconds(15), "scancel", job).exitCode());
        OpsScripts.awaitOrFail(Duration.ofSeconds(60), () -> !inQueue(job), "job " + job + " to leave the queue",
                () -> OpsScripts.jobLog(stateDir, job));
        OpsScripts.awaitOrFail(Duration.ofSeconds(30), () -> javaProcessesOnNodes().isEmpty(),
                "no Java process of job " + job + " on node1-3",
                () -> ": " + javaProcessesOnNodes() + OpsScripts.jobLog(stateDir, job));
        assertTrue(Files.notExists(masterFile), "the job must remove its master file");
    }

    @Test
    @Order(3)
    void theSearchRunsAsABatchJobAndWritesItsResultsNextToTheJobLog() throws IOException {
        Path conf = sparkHome.resolve("conf/slurm");
        long start = System.nanoTime();
        String job = submit(List.of("--wait", conf.resolve("spark-cluster.sbatch").toString(), "bash",
                conf.resolve("run-notebook.sh").toString(), conf.resolve("cluster-search.ipynb").toString(),
                "N_ITER=50", "CV=2"));
        System.out.printf("multi-host slurm: batch search job %s took %d s%n", job, (System.nanoTime() - start) / 1_000_000_000);
        Path best = stateDir.resolve("search-" + job + "-best.txt");
        assertTrue(Files.exists(best), () -> "no " + best + "\n" + OpsScripts.jobLog(stateDir, job));
        String bestText = Files.readString(best);
        System.out.println("multi-host slurm: " + bestText);
        assertTrue(bestText.matches("(?s)best \\{.*}\\nmean accuracy 0\\.9\\d*\\n"), bestText);
        String table = Files.readString(stateDir.resolve("search-" + job + "-results.txt"));
        assertTrue(table.contains("mean"), table);
        assertTrue(Files.exists(stateDir.resolve("cluster-search-" + job + ".ipynb")), OpsScripts.jobLog(stateDir, job));
        assertTrue(OpsScripts.jobLog(stateDir, job).contains("driver program ended with exit code 0"), OpsScripts.jobLog(stateDir, job));
    }

    /** sbatch on the login host; {@code extra} may start with --wait and name the script and its arguments. */
    private String submit(List<String> extra) {
        return submitTo(List.of("--nodes=3"),
                extra.isEmpty() ? List.of(sparkHome.resolve("conf/slurm/spark-cluster.sbatch").toString()) : extra);
    }

    private String submitTo(List<String> size, List<String> scriptAndArguments) {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(size);
        command.addAll(List.of("--ntasks-per-node=1", "--cpus-per-task=2", "--mem=1800", "--time=15",
                "--output=" + stateDir.resolve("job-%j.log")));
        command.addAll(scriptAndArguments);
        OpsScripts.Result submitted = slurm(Duration.ofSeconds(420), command.toArray(String[]::new));
        String job = submitted.stdout().strip().split(";")[0];
        if (!job.matches("\\d+")) {
            fail("sbatch gave no job id: " + submitted.describe());
        }
        jobs.add(job);
        assertEquals(0, submitted.exitCode(), () -> submitted.describe() + OpsScripts.jobLog(stateDir, job));
        return job;
    }

    private OpsScripts.Result slurm(Duration timeout, String... command) {
        List<String> full = new ArrayList<>(hosts.launcher("login"));
        full.addAll(List.of(command));
        return OpsScripts.run(jobEnvironment, timeout, full.toArray(String[]::new));
    }

    private boolean inQueue(String job) {
        OpsScripts.Result squeue = slurm(Duration.ofSeconds(15), "squeue", "-h", "-j", job);
        return squeue.exitCode() == 0 && !squeue.stdout().isBlank();
    }

    private List<String> javaProcessesOnNodes() {
        List<String> java = new ArrayList<>();
        for (String node : List.of("node1", "node2", "node3")) {
            try {
                for (long pid : hosts.pids(node)) {
                    ProcessHandle.of(pid).flatMap(p -> p.info().command()).filter(c -> c.endsWith("/java"))
                            .ifPresent(c -> java.add(node + ":" + pid));
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return java;
    }
}
