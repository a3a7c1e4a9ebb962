package org.javaparallel.parallel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.Pools;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.spi.CellCodeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Code typed in a real JShell runs in worker JVMs with the kernel's values of top-level variables. */
public class CellCodeShippingTest {
    private static JShellCellsFixture cells;
    private static Pool pool;
    private static volatile List<Integer> lastResult;

    /** What cells call: maps over 1, 2, 3 on the worker JVMs. */
    public static List<Integer> mapOnWorkers(SerializableFunction<Integer, Integer> fn) {
        lastResult = pool.map(fn, List.of(1, 2, 3));
        return lastResult;
    }

    /** What cells call: maps over 1, 2, 3 on a pool of threads. */
    public static List<Integer> mapOnThreads(SerializableFunction<Integer, Integer> fn) {
        try (Pool threads = Pools.threads(1)) {
            return threads.map(fn, List.of(1, 2, 3));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        cells = new JShellCellsFixture();
        CellCodeRegistry.install(cells);
        pool = Pools.processes(1);
        cells.eval("import org.javaparallel.parallel.process.CellCodeShippingTest;");
    }

    @AfterAll
    static void stop() throws Exception {
        pool.close();
        CellCodeRegistry.install(null);
        cells.close();
    }

    @Test
    void cellMethodsAndVariablesReachTheWorkerWithKernelValuesAndRedefinitionsWin() {
        cells.eval("int k = 3;");
        cells.eval("int twice(int x) { return x * 2 * k; }");
        cells.eval("Thread unrelated = Thread.currentThread();"); // not Serializable, but the task does not read it
        // this cell's wrapper reads 'unrelated'; the lambda in it does not
        cells.eval("String r = unrelated.getName() + CellCodeShippingTest.mapOnWorkers(x -> twice(x));");
        assertEquals(List.of(6, 12, 18), lastResult);

        cells.eval("k = 5;");
        cells.eval("CellCodeShippingTest.mapOnWorkers(x -> twice(x));");
        assertEquals(List.of(10, 20, 30), lastResult);

        cells.eval("int twice(int x) { return x * 100 * k; }");
        cells.eval("CellCodeShippingTest.mapOnWorkers(x -> twice(x));");
        assertEquals(List.of(500, 1000, 1500), lastResult);
    }

    @Test
    void cellRecordsTravelBothWaysAndNonSerializableVariablesAreNamed() {
        cells.eval("record Point(int x, int y) implements java.io.Serializable {}");
        cells.eval("int offset = 7;");
        cells.eval("CellCodeShippingTest.mapOnWorkers(x -> new Point(x, offset).y() + x);");
        assertEquals(List.of(8, 9, 10), lastResult);

        cells.eval("Object lock = new Object();");
        cells.eval("int locked(int x) { synchronized (lock) { return x; } }");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cells.eval("CellCodeShippingTest.mapOnWorkers(x -> locked(x));"));
        assertTrue(e.getMessage().contains("'lock'") && e.getMessage().contains("not Serializable"), e.getMessage());
    }

    @Test
    void anExceptionClassOfACellIsNamedAsTheUserWroteItOnThreadsAndOnWorkers() {
        cells.eval("class Boom extends RuntimeException { Boom(String message) { super(message); } }");
        for (String backend : List.of("mapOnThreads", "mapOnWorkers")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cells.eval("CellCodeShippingTest."
                    + backend + "(x -> { if (x == 3) throw new Boom(\"boom \" + x); return x; });"));
            assertTrue(e.getMessage().contains("item 2 failed") && e.getMessage().contains(": Boom: boom 3")
                    && !e.getMessage().contains("$JShell$"), backend + ": " + e.getMessage());
        }
    }

    @Test
    void aLambdaThatCannotTravelIsNamedByItsCell() {
        cells.eval("java.util.function.Function<Integer, Integer> inc = x -> x + 1;");
        int cell = cells.lastCell();
        IllegalStateException variable = assertThrows(IllegalStateException.class,
                () -> cells.eval("CellCodeShippingTest.mapOnWorkers(x -> inc.apply(x));"));
        assertTrue(variable.getMessage().contains("'inc' (a lambda in cell [" + cell + "])")
                && !variable.getMessage().contains("$JShell$"), variable.getMessage());
        assertTrue(variable.getMessage().contains("Declare it with a Serializable function type"), variable.getMessage());

        IllegalStateException captured = assertThrows(IllegalStateException.class, () -> cells.eval("{"
                + " java.util.function.Function<Integer, Integer> twice = x -> 2 * x;"
                + " CellCodeShippingTest.mapOnWorkers(x -> twice.apply(x)); }"));
        assertTrue(captured.getMessage().contains("a lambda in cell [" + cells.lastCell() + "]")
                && !captured.getMessage().contains("$JShell$"), captured.getMessage());
    }
}
