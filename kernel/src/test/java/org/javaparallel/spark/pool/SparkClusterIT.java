package org.javaparallel.spark.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.javaparallel.parallel.Pair;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.TaskFailedException;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.CellCodeRegistry;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.javaparallel.spark.LocalStandaloneCluster;
import org.javaparallel.spark.SparkSessions;
import org.javaparallel.spark.SparkStartException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool and Spark's own API on a standalone master with two one-core workers, executors in their own JVMs.
 * Test lambdas reach executors through spark.executor.extraClassPath (target/test-classes). "Cell" code is a
 * class compiled here into a directory that only the driver's class server offers, the way the kernel writes
 * JShell's classes, with JShell's shape: top-level variables are static fields assigned after class loading.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterIT {
    private static final String CELL = "REPL.$JShell$7";
    private static final List<Integer> ITEMS = IntStream.range(0, 20).boxed().toList();
    @TempDir
    static Path temp;
    private static LocalStandaloneCluster cluster;
    private static URLClassLoader cellLoader;
    private static List<TopLevelVariable> variables = List.of();
    private static SparkPool pool;

    @BeforeAll
    static void startClusterAndSession() throws Exception {
        Path jars = LocalStandaloneCluster.projectJars()
                .orElseThrow(() -> new IllegalStateException("target/lib is missing: run mvn package first"));
        cluster = LocalStandaloneCluster.start(jars, Files.createDirectories(temp.resolve("spark-home")), 2);
        Path cellClasses = compileCell(Files.createDirectories(temp.resolve("cell-classes")));
        cellLoader = new URLClassLoader(new java.net.URL[] {cellClasses.toUri().toURL()},
                SparkClusterIT.class.getClassLoader());
        SparkSessions sessions = SparkSessions.shared();
        CellCodeRegistry.install(new CellCode() {
            @Override
            public Path classDirectory() {
                return cellClasses;
            }

            @Override
            public ClassLoader loader() {
                return cellLoader;
            }

            @Override
            public List<TopLevelVariable> variables() {
                return variables;
            }

            @Override
            public long stateVersion() {
                return 0;
            }
        });
        sessions.configure("spark.executor.extraClassPath", Path.of("target", "test-classes").toAbsolutePath().toString());
        sessions.configure(SparkSessions.START_TIMEOUT_KEY, "60");
        try {
            pool = new SparkPool(sessions, cluster.masterUrl(), cellLoader);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + cluster.logs(), e);
        }
    }

    @AfterAll
    static void stopAll() throws IOException {
        CellCodeRegistry.install(null);
        SparkSessions.shared().stop();
        if (cluster != null) {
            cluster.close();
        }
        if (cellLoader != null) {
            cellLoader.close();
        }
    }

    private static Path compileCell(Path out) throws IOException {
        Path source = Files.createDirectories(temp.resolve("cell-source/REPL")).resolve("$JShell$7.java");
        Files.writeString(source, """
                package REPL;
                import java.io.Serializable;
                import java.util.List;
                import org.apache.spark.api.java.JavaSparkContext;
                import org.javaparallel.parallel.SerializableFunction;
                public class $JShell$7 {
                    public static int k;
                    public static int unlisted;
                    public static Object lock;
                    public record Point(int x, int y) implements Serializable {}
                    public static SerializableFunction<Integer, Integer> timesK() { return x -> x * k; }
                    public static SerializableFunction<Integer, Integer> timesUnlisted() { return x -> x * unlisted; }
                    public static SerializableFunction<Integer, Integer> lockHash() { return x -> lock.hashCode(); }
                    public static SerializableFunction<Integer, Point> point() { return x -> new Point(x, x * k); }
                    public static List<Integer> directTimesK(JavaSparkContext sc, List<Integer> xs) {
                        return sc.parallelize(xs, 2).map(x -> x * k).collect();
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, "the cell class did not compile");
        return out;
    }

    private static Class<?> cell() throws ClassNotFoundException {
        return Class.forName(CELL, true, cellLoader);
    }

    private static void setTopLevel(String name, Object value) throws ReflectiveOperationException {
        Field field = cell().getField(name);
        field.set(null, value);
    }

    @SuppressWarnings("unchecked")
    private static <R> SerializableFunction<Integer, R> cellFunction(String method) throws ReflectiveOperationException {
        return (SerializableFunction<Integer, R>) cell().getMethod(method).invoke(null);
    }

    @Test
    @Order(1)
    void poolCallsEqualTheSequentialResultsAcrossBothExecutors() {
        List<Integer> squares = ITEMS.stream().map(x -> x * x).toList();
        assertEquals(squares, pool.map(x -> sleepThen(100, x * x), ITEMS, 2));
        List<String> workers = pool.lastTimeline().stream().map(TaskRecord::worker).distinct().sorted().toList();
        assertEquals(2, workers.size(), "tasks ran on " + workers);
        assertTrue(workers.stream().allMatch(worker -> worker.startsWith("executor ")), workers.toString());

        List<Integer> ordered = new ArrayList<>();
        pool.imap((Integer x) -> x * x, ITEMS, 3).forEachRemaining(ordered::add);
        assertEquals(squares, ordered);
        List<Integer> unordered = new ArrayList<>();
        pool.imapUnordered((Integer x) -> x * x, ITEMS).forEachRemaining(unordered::add);
        Collections.sort(unordered);
        assertEquals(squares, unordered);

        List<Pair<Integer, Integer>> pairs = ITEMS.stream().map(x -> Pair.of(x, x + 1)).toList();
        assertEquals(ITEMS.stream().map(x -> x * (x + 1)).toList(), pool.starmap((Integer a, Integer b) -> a * b, pairs));
        assertEquals(2, pool.size());
        assertFalse(pool.runsInThisJvm(), "executors in JVMs of their own");
    }

    @Test
    @Order(2)
    void cellCodeSeesTheDriversTopLevelValuesThroughThePoolAndSparksOwnApi() throws Exception {
        variables = List.of(new TopLevelVariable("k", CELL, "k"),
                new TopLevelVariable("lock", CELL, "lock"));
        setTopLevel("k", 3);
        setTopLevel("unlisted", 3);
        SparkSessions.shared().beforeCell("cell 2", Runnable::run);
        SparkSessions.shared().onCellThread(); // as the kernel does on each cell thread
        List<Integer> xs = List.of(1, 2, 3, 4);
        assertEquals(List.of(3, 6, 9, 12), pool.map(cellFunction("timesK"), xs));
        // the trap the state plugin closes: a value nobody shipped is the executor's default
        assertEquals(List.of(0, 0, 0, 0), pool.map(cellFunction("timesUnlisted"), xs));

        Object sc = SparkSessions.shared().context();
        Object direct = cell().getMethod("directTimesK", org.apache.spark.api.java.JavaSparkContext.class, List.class)
                .invoke(null, sc, xs);
        assertEquals(List.of(3, 6, 9, 12), direct);

        setTopLevel("k", 5);
        SparkSessions.shared().beforeCell("cell 3", Runnable::run);
        SparkSessions.shared().onCellThread(); // as the kernel does on each cell thread
        assertEquals(List.of(5, 10, 15, 20), cell().getMethod("directTimesK",
                org.apache.spark.api.java.JavaSparkContext.class, List.class).invoke(null, sc, xs));
        List<Object> points = pool.map(cellFunction("point"), List.of(1, 2));
        assertEquals("[Point[x=1, y=5], Point[x=2, y=10]]", points.toString());
        assertEquals(cell().getName() + "$Point", points.get(0).getClass().getName());
    }

    @Test
    @Order(3)
    void aFailureNamesTheItemAndTheVariablesThatCouldNotBeShipped() throws Exception {
        variables = List.of(new TopLevelVariable("lock", CELL, "lock"));
        setTopLevel("lock", new Object());
        SparkSessions.shared().beforeCell("cell 4", Runnable::run);
        SparkSessions.shared().onCellThread(); // as the kernel does on each cell thread
        TaskFailedException error = assertThrows(TaskFailedException.class,
                () -> pool.map(cellFunction("lockHash"), List.of(1, 2, 3), 1));
        assertTrue(error.getMessage().contains("NullPointerException"), error.getMessage());
        assertTrue(error.getMessage().contains("lock (not Serializable"), error.getMessage());
    }

    @Test
    @Order(4)
    void aJobSurvivesTheLossOfAnExecutorJvm() throws Exception {
        CompletableFuture<List<Integer>> job = CompletableFuture.supplyAsync(
                () -> pool.map(x -> sleepThen(500, x + 1), ITEMS.subList(0, 16), 1));
        Thread.sleep(2000);
        List<ProcessHandle> executors = cluster.worker(1).descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .toList();
        assertEquals(1, executors.size(), "executors of worker 1: " + executors);
        executors.get(0).destroyForcibly();
        assertEquals(ITEMS.subList(0, 16).stream().map(x -> x + 1).toList(), job.get());
    }

    @Test
    @Order(5)
    void aMasterThatNeverAnswersFailsWithinTheTimeLimit() throws IOException {
        SparkSessions sessions = SparkSessions.shared();
        sessions.stop();
        sessions.configure(SparkSessions.START_TIMEOUT_KEY, "8");
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            SparkStartException error = assertThrows(SparkStartException.class,
                    () -> sessions.session("spark://127.0.0.1:" + silent.getLocalPort()));
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertTrue(error.getMessage().contains("did not accept this application within 8 s"), error.getMessage());
            assertTrue(seconds < 15, "took " + seconds + " s");
            assertFalse(sessions.isRunning());
        }
    }

    private static int sleepThen(long millis, int value) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return value;
    }
}
