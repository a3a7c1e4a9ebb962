package org.javaparallel.ops;

import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.javaparallel.kernel.testing.ExecuteResult;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.JupyterClient;
import org.javaparallel.kernel.testing.NetnsHosts;
import org.javaparallel.spark.LocalStandaloneCluster.Host;
import org.javaparallel.spark.LocalStandaloneCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The kernel on host {@code login} drives a Spark standalone cluster on other hosts ({@link NetnsHosts}): master on
 * node1, a worker on node1, node2 and node3, all from the installed spark-home, the cluster requiring its secret
 * with encrypted RPC. Cell code reaches executors on every host; the kernel picks a driver address they reach;
 * a worker host lost mid-job, executors that cannot reach the driver, a driver without the secret, a firewall
 * (nftables) before the driver and the master host gone each end as the user is told.
 * The tests build on each other (one cluster, one kernel): run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Needs({Prerequisite.DEBIAN_JUPYTER, Prerequisite.NETWORK_NAMESPACES})
class MultiHostSparkIT {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final String MASTER = "spark://node1:7077";
    private NetnsHosts hosts;
    private LocalStandaloneCluster cluster;
    private JupyterClient kernel;
    private String secret;

    @BeforeAll
    void startClusterAndKernel() throws Exception {
        InstalledKernel installed = InstalledKernel.get();
        hosts = NetnsHosts.up(installed.projectRoot());
        secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path home = installed.scratchDirectory("multi-host-cluster");
        Path sparkHome = installed.prefix().resolve("share/java-parallel/spark-home");
        // as spark-cluster.sbatch does: the course's defaults, plus the cluster's secret and encrypted RPC
        Path properties = Files.writeString(home.resolve("cluster.conf"),
                Files.readString(sparkHome.resolve("conf/spark-defaults.conf"))
                        + "\nspark.authenticate true\nspark.authenticate.secret " + secret
                        + "\nspark.network.crypto.enabled true\n");
        List<Host> workers = List.of("node1", "node2", "node3").stream()
                .map(node -> new Host(node, hosts.launcher(node))).toList();
        cluster = LocalStandaloneCluster.startAcross(sparkHome.resolve("jars"), home,
                new Host("node1", hosts.launcher("node1")), workers, properties);
        kernel = JupyterClient.start(installed, hosts.launcher("login"));
        for (String setting : List.of("spark.authenticate=true", "spark.authenticate.secret=" + secret,
                "spark.network.crypto.enabled=true", "spark.executor.memory=512m")) {
            ok("%spark conf " + setting);
        }
    }

    @AfterAll
    void stopEverything() {
        try (NetnsHosts removed = hosts; LocalStandaloneCluster stopped = cluster; JupyterClient closed = kernel) {
            // closed in reverse order: the kernel, the cluster, then the hosts with whatever still runs on them
        }
    }

    @Test
    @Order(1)
    void theBackendSaysWhichDriverAddressItChose() {
        ExecuteResult backend = kernel.execute("%backend spark " + MASTER, JOB_TIMEOUT);
        assertEquals("ok", backend.status(), () -> backend.describe() + cluster.logs() + kernel.kernelLog());
        assertTrue(backend.stdout().contains("driver at 198.18.77.10 (the address this host reaches " + MASTER + " from"),
                backend.stdout());
    }

    @Test
    @Order(2)
    void cellCodeRunsOnExecutorsOfEveryHost() {
        ok("int k = 3;");
        assertEquals("[3, 6, 9]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> x * k).collect()"));
        ok("record P(int x, int y) implements java.io.Serializable {}");
        assertEquals("[P[x=1, y=3], P[x=2, y=6]]", value("Pools.current().map(x -> new P(x, x * k), List.of(1, 2))"));
        ok("int f(int x) { return x + 1; }");
        assertEquals("[2, 3, 4]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> f(x)).collect()"));
        ok("int f(int x) { return x + 100; }");
        assertEquals("[101, 102, 103]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> f(x)).collect()"));
        ok("""
                String host(int x) {
                    try {
                        Thread.sleep(300); // so that every executor gets tasks
                        return java.net.InetAddress.getLocalHost().getHostName();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }""");
        assertEquals("[node1, node2, node3]",
                value("new TreeSet<>(Pools.current().map(x -> host(x), IntStream.range(0, 24).boxed().toList(), 1))"));
        // the executors' cores, one per worker (Spark's defaultParallelism would say at least 2 for any cluster)
        ExecuteResult backend = kernel.execute("%backend");
        assertTrue(backend.stdout().startsWith("spark(" + MASTER + ", 3 cores, driver at"), backend::describe);
    }

    @Test
    @Order(3)
    void aWorkerHostLostMidJobIsRerunOnTheOthers() throws Exception {
        ok("int slowly(int x) { try { Thread.sleep(2000); } catch (InterruptedException e) { } return x * k; }");
        String job = kernel.sendExecute("Pools.current().map(x -> slowly(x), IntStream.range(0, 12).boxed().toList(), 1)"
                + ".stream().mapToInt(Integer::intValue).sum()");
        Thread.sleep(4000); // every executor holds a task by now
        long lost = System.nanoTime();
        for (long pid : hosts.pids("node3")) { // its worker and its executor
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        ExecuteResult result = kernel.collect(job, JOB_TIMEOUT);
        System.out.printf("multi-host: job finished %d ms after node3's worker and executor were killed: %s%n",
                (System.nanoTime() - lost) / 1_000_000, result.describe());
        assertEquals("198", result.resultText(), result::describe);
    }

    @Test
    @Order(4)
    void spark_driver_hostOverridesTheChoice() {
        ok("%spark stop");
        ok("%spark conf spark.driver.host=login");
        ExecuteResult backend = kernel.execute("%backend spark " + MASTER, JOB_TIMEOUT);
        assertTrue(backend.stdout().contains("driver at login (set by spark.driver.host)"), backend::describe);
        assertEquals("[3, 6, 9]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> x * k).collect()"));
    }

    @Test
    @Order(5)
    void executorsThatCannotReachTheDriverAreNamedWithTheAddressAndWhatToSet() {
        ok("%spark stop");
        // an address the workers cannot reach, as a firewall or the address of another network would make it
        ok("%spark conf spark.driver.host=198.18.77.99");
        ok("%spark conf spark.driver.bindAddress=0.0.0.0");
        ok("%spark conf spark.driver.port=7078");
        ok("%spark conf spark.javaparallel.startTimeout=20s");
        ExecuteResult unreachable = kernel.execute("%backend spark " + MASTER, JOB_TIMEOUT);
        System.out.println("multi-host: executors cannot reach the driver: " + unreachable.describe());
        assertEquals("error", unreachable.status(), unreachable::describe);
        String text = unreachable.requireError().text();
        assertTrue(text.contains("no executor started within 20 s"), text);
        assertTrue(text.contains("Executors connect back to this driver at 198.18.77.99:7078"), text);
        assertTrue(text.contains("set %spark conf spark.driver.host="), text);

        for (String undo : List.of("spark.driver.host", "spark.driver.bindAddress", "spark.driver.port",
                "spark.javaparallel.startTimeout")) {
            ok("%spark conf " + undo + "=");
        }
        ExecuteResult backend = kernel.execute("%backend spark " + MASTER, JOB_TIMEOUT);
        assertTrue(backend.stdout().contains("driver at 198.18.77.10"), backend::describe);
    }

    @Test
    @Order(6)
    void aDriverWithoutTheSecretIsRefused() throws IOException {
        String text = backendErrorOfAnotherKernel(List.of(), "driver without the secret");
        assertTrue(text.contains("did not accept this application within 15 s"), text);
        assertTrue(text.contains("spark.authenticate.secret"), text);
        assertTrue(text.contains("The backend stays threads"), text);
    }

    @Test
    @Order(7)
    @Needs(Prerequisite.NFTABLES)
    void aFirewallBetweenTheClusterAndTheDriverIsNamedWithTheDriversAddress() throws IOException {
        ok("%spark stop"); // its executors would hold every worker core, and no executor could start for lack of them
        // the login host lets nothing from the cluster reach the driver's port
        assertEquals(0, hosts.exec("login", "nft", "add table inet jp-firewall; "
                + "add chain inet jp-firewall in { type filter hook input priority 0; }; "
                + "add rule inet jp-firewall in ip saddr 198.18.77.0/24 tcp dport 7078 drop"));
        try {
            String text = backendErrorOfAnotherKernel(List.of("spark.authenticate=true", "spark.authenticate.secret=" + secret,
                    "spark.network.crypto.enabled=true", "spark.executor.memory=512m", "spark.driver.port=7078"),
                    "firewall before the driver");
            // the master reaches the driver over the connection the driver opened; the executors cannot
            assertTrue(text.contains("accepted this application, but no executor started within 15 s"), text);
            assertTrue(text.contains("Executors connect back to this driver at 198.18.77.10:7078"), text);
            assertTrue(text.contains("spark.driver.port and spark.blockManager.port to ports it lets through"), text);
            assertTrue(text.contains("spark.executor.memory = 512m"), text); // fits the workers: only the firewall is in the way
        } finally {
            hosts.exec("login", "nft", "delete table inet jp-firewall");
        }
        ok("%backend spark " + MASTER);
    }

    /**
     * {@code %backend spark <master>} in a kernel of its own on the login host (another user's, as it were) with
     * {@code settings}: its failed start keeps retrying the master for a minute, which would hold up this kernel.
     */
    private String backendErrorOfAnotherKernel(List<String> settings, String what) throws IOException {
        try (JupyterClient other = JupyterClient.start(InstalledKernel.get(), hosts.launcher("login"))) {
            for (String setting : settings) {
                assertEquals("ok", other.execute("%spark conf " + setting).status());
            }
            assertEquals("ok", other.execute("%spark conf spark.javaparallel.startTimeout=15s").status());
            ExecuteResult failed = other.execute("%backend spark " + MASTER, JOB_TIMEOUT);
            System.out.println("multi-host: " + what + ": " + failed.describe());
            assertEquals("error", failed.status(), failed::describe);
            return failed.requireError().text();
        }
    }

    @Test
    @Order(8)
    void theMasterHostGoneIsAClearErrorAndTheBackendStays() throws Exception {
        assertEquals(0, hosts.exec("node1", "ip", "link", "set", "eth0", "down"));
        try {
            Thread.sleep(15_000); // the kernel keeps one idle connection to the master with TCP keepalive (MasterWatch: 2 s idle, then 3 probes 1 s apart)
            long start = System.nanoTime();
            ExecuteResult next = kernel.execute("sc().parallelize(List.of(1, 2, 3)).count()", JOB_TIMEOUT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("multi-host: master host gone, next cell answered in %d ms: %s%n", millis, next.describe());
            assertEquals("error", next.status(), next::describe);
            String text = next.requireError().text();
            assertTrue(text.contains("The Spark master " + MASTER + " stopped answering"), text);
            assertTrue(millis < 30_000, "took " + millis + " ms");
            ExecuteResult backend = kernel.execute("%backend");
            assertEquals("spark(" + MASTER + ", not running: starts on next use)", backend.stdout().strip(),
                    backend::describe);
        } finally {
            hosts.exec("node1", "ip", "link", "set", "eth0", "up");
        }
    }

    private void ok(String code) {
        ExecuteResult result = kernel.execute(code, JOB_TIMEOUT);
        assertEquals("ok", result.status(), () -> code + "\n" + result.describe());
    }

    private String value(String code) {
        ExecuteResult result = kernel.execute(code, JOB_TIMEOUT);
        assertEquals("ok", result.status(), () -> code + "\n" + result.describe() + "\n" + cluster.logs());
        return result.resultText();
    }
}
