package org.javaparallel.spark;

import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.javaparallel.kernel.testing.ExecuteResult;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.JupyterClient;
import org.javaparallel.kernel.testing.LibraryJar;
import org.javaparallel.kernel.testing.Pause;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cell code on Spark through the installed kernel, as a notebook runs it: lambdas, records, methods, maps and
 * bean classes defined in cells reach the executors, a redefinition replaces the old code there, an interrupt
 * cancels a running job, and a master that does not answer leaves the kernel and its backend as they were.
 * Once with executors in the kernel's JVM (local[2]), once on a standalone cluster of two workers whose
 * executors are JVMs of their own (started by the installed spark-home's start-local-cluster.sh).
 */
@Needs(Prerequisite.DEBIAN_JUPYTER)
class SparkKernelIT {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class OnBackend {
        InstalledKernel installed;
        JupyterClient kernel;

        /** Prepares what the backend needs and returns its %backend argument. */
        abstract String startBackend() throws Exception;

        abstract void stopBackend();

        /** What the kernel's environment needs besides the test JVM's to reach the backend. */
        Map<String, String> kernelEnvironment() {
            return Map.of();
        }

        @BeforeAll
        void startKernelOnBackend() throws Exception {
            installed = InstalledKernel.get();
            String spec = startBackend();
            kernel = JupyterClient.start(installed, kernelEnvironment());
            ExecuteResult backend = kernel.execute("%backend " + spec, JOB_TIMEOUT);
            assertEquals("ok", backend.status(), () -> backend.describe() + "\n" + kernel.kernelLog());
            ok("""
                    import org.apache.spark.sql.*;
                    import org.apache.spark.api.java.function.*;
                    import org.apache.spark.sql.api.java.UDF1;
                    import org.apache.spark.sql.types.DataTypes;
                    int k = 3;
                    """);
        }

        @AfterAll
        void stopKernelAndBackend() {
            try {
                if (kernel != null) {
                    kernel.close();
                }
            } finally {
                stopBackend();
            }
        }

        @Test
        @Order(1)
        void aLambdaReadsAVariableOfAnEarlierCell() {
            assertEquals("[3, 6, 9]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> x * k).collect()"));
        }

        @Test
        @Order(2)
        void thePoolReturnsRecordsDefinedInACell() {
            ok("record P(int x, int y) implements java.io.Serializable {}");
            assertEquals("[P[x=1, y=3], P[x=2, y=6]]", value("Pools.current().map(x -> new P(x, x * k), List.of(1, 2))"));
        }

        @Test
        @Order(3)
        void aRedefinedMethodIsTheOneTheExecutorsRun() {
            ok("int f(int x) { return x + 1; }");
            assertEquals("[2, 3, 4]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> f(x)).collect()"));
            ok("int f(int x) { return x + 100; }");
            assertEquals("[101, 102, 103]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> f(x)).collect()"));
        }

        @Test
        @Order(4)
        void aMapOfACellTravelsWithTheLambda() {
            ok("Map<String, Integer> m = new HashMap<>(Map.of(\"a\", 5));");
            assertEquals("[5]", value("sc().parallelize(List.of(\"a\")).map(s -> m.get(s)).collect()"));
        }

        @Test
        @Order(5)
        void aDatasetEncodesABeanClassOfACell() {
            ok("""
                    public class Pt implements java.io.Serializable {
                        private int v;
                        public Pt() {}
                        public int getV() { return v; }
                        public void setV(int v) { this.v = v; }
                    }""");
            assertEquals("[3, 6]", value("""
                    List<Pt> pts = spark().createDataset(List.of(1, 2), Encoders.INT())
                            .map((MapFunction<Integer, Pt>) i -> { Pt p = new Pt(); p.setV(i * k); return p; }, Encoders.bean(Pt.class))
                            .collectAsList();
                    pts.stream().map(Pt::getV).toList()"""));
        }

        @Test
        @Order(6)
        void aUdfCallsAMethodOfACell() {
            ok("""
                    int plusTen(int x) { return x + 10; }
                    spark().udf().register("plus_ten", (UDF1<Integer, Integer>) x -> plusTen(x), DataTypes.IntegerType);""");
            assertEquals("[[12]]", value("spark().sql(\"SELECT plus_ten(2)\").collectAsList()"));
        }

        @Test
        @Order(7)
        void aJarAddedWhileTheSessionRunsReachesTheExecutors() throws IOException {
            Path jar = LibraryJar.build(installed.scratchDirectory("jars-" + getClass().getSimpleName()), "twice",
                    "Twice", "package demo; public class Twice { public static int of(int x) { return 2 * x; } }");
            ok("%jars " + jar);
            assertEquals("[2, 4, 6]", value("sc().parallelize(List.of(1, 2, 3)).map(x -> demo.Twice.of(x)).collect()"));
            assertEquals("[20]", value("Pools.current().map(x -> demo.Twice.of(x), List.of(10))"));
        }

        @Test
        @Order(8)
        void anInterruptCancelsARunningJobAndSparkStaysUsable() {
            String job = kernel.sendExecute("""
                    sc().parallelize(List.of(1, 2), 2).map(x -> { Thread.sleep(60_000); return x; }).collect()""");
            assertTrue(kernel.awaitIopub(job, "execute_input", Duration.ofSeconds(10)), "the cell did not start");
            Pause.millis(3000); // the tasks are running on the executors by now
            long start = System.nanoTime();
            kernel.interruptViaClient();
            ExecuteResult stopped = kernel.collect(job, Duration.ofSeconds(3));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertFalse(stopped.raw().timedOut(), "the job still ran 3 s after the interrupt: " + stopped.describe());
            assertEquals("error", stopped.status(), stopped.describe());
            assertTrue(millis <= 3000, "the interrupt took " + millis + " ms");

            long next = System.nanoTime();
            assertEquals("1", kernel.execute("sc().parallelize(List.of(1)).count()", Duration.ofSeconds(30)).resultText());
            long nextMillis = (System.nanoTime() - next) / 1_000_000;
            assertTrue(nextMillis < 15_000, "the next job waited " + nextMillis + " ms: the cancelled tasks held the cores");
        }

        @Test
        @Order(9)
        void aMasterThatDoesNotAnswerIsAClearErrorAndTheBackendStays() {
            // as it is now: on a cluster the executors' cores grow as executors register
            String before = kernel.execute("%backend").stdout().strip();
            long start = System.nanoTime();
            ExecuteResult bad = kernel.execute("%backend spark spark://127.0.0.1:1", Duration.ofSeconds(90));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("error", bad.status(), bad.describe());
            String text = bad.requireError().text();
            assertTrue(text.contains("127.0.0.1:1"), "the error should name the master: " + text);
            assertTrue(millis < 30_000, "the bad master took " + millis + " ms to report");
            assertTrue(kernel.isAlive(), kernel.kernelLog());
            ExecuteResult shown = kernel.execute("%backend");
            assertEquals(before, shown.stdout().strip(), shown.describe());
            assertEquals("1", kernel.execute("sc().parallelize(List.of(1)).count()", JOB_TIMEOUT).resultText());
        }

        @Test
        @Order(10)
        void theProgressOfASlowJobNamesTheCellByItsExecutionCount() {
            ok("int pause(int x) { try { Thread.sleep(1500); } catch (InterruptedException e) { } return x; }");
            ExecuteResult slow = kernel.execute("sc().parallelize(List.of(1, 2), 2).map(x -> pause(x)).count()",
                    JOB_TIMEOUT);
            assertEquals("2", slow.resultText(), slow.describe());
            int count = slow.raw().content().get("execution_count").getAsInt();
            assertTrue(slow.displays().stream().map(d -> d.text("text/plain")).filter(Objects::nonNull)
                    .anyMatch(text -> text.contains("(cell " + count + ")")), slow.describe());
        }

        private void ok(String code) {
            ExecuteResult result = kernel.execute(code, JOB_TIMEOUT);
            assertEquals("ok", result.status(), () -> code + "\n" + result.describe());
        }

        private String value(String code) {
            ExecuteResult result = kernel.execute(code, JOB_TIMEOUT);
            assertEquals("ok", result.status(), () -> code + "\n" + result.describe());
            return result.resultText();
        }
    }

    /** A session that a cell built itself is left to the cell: the kernel says so and starts its own once it ends. */
    @Test
    void aSessionACellBuiltItselfIsNotTakenOver() throws IOException {
        try (JupyterClient kernel = JupyterClient.start(InstalledKernel.get())) {
            ExecuteResult own = kernel.execute("""
                    var mine = org.apache.spark.sql.SparkSession.builder().master("local[1]")
                            .config("spark.ui.enabled", "false").getOrCreate();
                    mine.range(3).count()""", JOB_TIMEOUT);
            assertEquals("3", own.resultText(), own::describe);
            ExecuteResult refused = kernel.execute("%backend spark local[2]", JOB_TIMEOUT);
            assertEquals("error", refused.status(), refused::describe);
            String text = refused.requireError().text();
            assertTrue(text.contains("Spark already runs in this kernel, started by a cell's own code"), text);
            assertTrue(text.contains("The backend stays threads"), text);

            assertEquals("ok", kernel.execute("mine.stop()", JOB_TIMEOUT).status());
            ExecuteResult backend = kernel.execute("%backend spark local[2]", JOB_TIMEOUT);
            assertEquals("ok", backend.status(), backend::describe);
            assertEquals("[2, 3]", kernel.execute("Pools.current().map(x -> x + 1, List.of(1, 2))", JOB_TIMEOUT)
                    .resultText());
        }
    }

    @Nested
    class LocalTwoThreads extends OnBackend {
        @Override
        String startBackend() {
            return "spark local[2]";
        }

        @Override
        void stopBackend() {
        }
    }

    /** start-local-cluster.sh of the installed spark-home: 2 workers with 1 core and 1 GB each, on 127.0.0.1. */
    @Nested
    class StandaloneTwoWorkers extends OnBackend {
        private Path stateDir;
        private String masterUrl;

        @Override
        String startBackend() throws Exception {
            stateDir = installed.scratchDirectory("spark-cluster");
            masterUrl = clusterScript("start-local-cluster.sh", "2", "1", "1g");
            assertTrue(Pattern.compile("spark://127\\.0\\.0\\.1:\\d+").matcher(masterUrl).matches(), masterUrl);
            return "spark " + masterUrl;
        }

        /** The kernel finds the cluster's secret where the script wrote it. */
        @Override
        Map<String, String> kernelEnvironment() {
            return Map.of("JAVA_PARALLEL_LOCAL_CLUSTER_DIR", stateDir.toString());
        }

        /** Another user's kernel, say, which cannot read the script's state: the cluster refuses its driver. */
        @Test
        @Order(11)
        void aKernelWithoutTheClustersSecretIsRefused() throws IOException {
            Path elsewhere = installed.scratchDirectory("no-cluster-state");
            try (JupyterClient stranger = JupyterClient.start(installed,
                    Map.of("JAVA_PARALLEL_LOCAL_CLUSTER_DIR", elsewhere.toString()))) {
                assertEquals("ok", stranger.execute("%spark conf spark.javaparallel.startTimeout=15s").status());
                ExecuteResult refused = stranger.execute("%backend spark " + masterUrl, JOB_TIMEOUT);
                System.out.println("local cluster: a kernel without its secret: " + refused.describe());
                assertEquals("error", refused.status(), refused::describe);
                String text = refused.requireError().text();
                assertTrue(text.contains("did not accept this application within 15 s"), text);
                assertTrue(text.contains("from " + elsewhere.resolve("secret")), text);
                assertTrue(text.contains("The backend stays threads"), text);
            }
        }

        @Override
        void stopBackend() {
            try {
                clusterScript("stop-local-cluster.sh");
            } catch (IOException e) {
                throw new AssertionError("stop-local-cluster.sh could not run", e);
            }
        }

        private String clusterScript(String name, String... args) throws IOException {
            Path conf = installed.prefix().resolve("share/java-parallel/spark-home/conf");
            Path log = stateDir.resolve(name + ".log");
            List<String> command = new java.util.ArrayList<>(List.of(conf.resolve(name).toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
            builder.environment().remove("SPARK_HOME");
            builder.environment().put("JAVA_PARALLEL_LOCAL_CLUSTER_DIR", stateDir.toString());
            Process process = builder.start();
            try {
                String out = new String(process.getInputStream().readAllBytes()).strip();
                if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new AssertionError(name + " failed: " + out + "\n" + Files.readString(log));
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + " interrupted", e);
            }
        }
    }
}
