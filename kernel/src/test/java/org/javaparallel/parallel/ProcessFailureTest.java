package org.javaparallel.parallel;

import org.javaparallel.parallel.spi.WorkerEnvironment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.javaparallel.kernel.testing.Pause;
import org.javaparallel.kernel.testing.SystemOut;
import org.javaparallel.parallel.engine.WorkerDiedException;
import org.javaparallel.parallel.spi.CellInterrupts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Worker JVMs that fail, die or get killed: the call fails clearly, the next call works, nothing is left running. */
class ProcessFailureTest {
    private static Pool pool;

    @BeforeAll
    static void create() {
        pool = Pools.processes(1);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static long workerPid() {
        return pool.apply(() -> ProcessHandle.current().pid());
    }

    @Test
    void systemExitInATaskFailsTheCallNamingItemAndExitThenTheWorkerIsReplaced() {
        long before = workerPid();
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map((Integer x) -> {
            if (x == 2) {
                System.exit(7);
            }
            return x;
        }, List.of(0, 1, 2, 3), 1));
        assertEquals(2, e.item());
        assertInstanceOf(WorkerDiedException.class, e.getCause());
        assertTrue(e.getMessage().contains("exited with code 7") && e.getMessage().contains("item 2"), e.getMessage());
        assertEquals(List.of(1, 2, 3), pool.map((Integer x) -> x + 1, List.of(0, 1, 2)));
        assertNotEquals(before, workerPid());
    }

    @Test
    void manyTinyTasksComeBackInOrderAndAFailureAmongThemNamesItsItem() {
        List<Integer> items = IntStream.range(0, 5000).boxed().toList();
        List<Integer> squares = pool.map((Integer x) -> x * x, items, 1);
        assertEquals(items.stream().map(x -> x * x).toList(), squares);
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map((Integer x) -> {
            if (x == 4321) {
                throw new IllegalArgumentException("bad item");
            }
            return x;
        }, items, 1));
        assertEquals(4321, e.item());
        assertTrue(e.getMessage().contains("item 4321") && e.getMessage().contains("bad item"), e.getMessage());
        assertEquals(List.of(1, 2), pool.map((Integer x) -> x + 1, List.of(0, 1), 1));
    }

    @Test
    void systemExitAmongManyTinyTasksNamesTheItemThatExited() {
        List<Integer> items = IntStream.range(0, 3000).boxed().toList();
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.map((Integer x) -> {
            if (x == 2500) {
                System.exit(9);
            }
            return x;
        }, items, 1));
        assertEquals(2500, e.item());
        assertTrue(e.getMessage().contains("exited with code 9") && e.getMessage().contains("item 2500"),
                e.getMessage());
        assertEquals(items, pool.map((Integer x) -> x, items, 1));
    }

    @Test
    void aWorkerJvmThatPrintsToStdoutBeforeMainStillTalksToThePool() {
        // the launcher prints the version to stdout, where worker messages go
        WorkerEnvironment.set("JDK_JAVA_OPTIONS", "-showversion");
        try (Pool noisy = Pools.processes(1)) {
            assertEquals(List.of(2, 3), noisy.map((Integer x) -> x + 1, List.of(1, 2)));
        } finally {
            WorkerEnvironment.unset("JDK_JAVA_OPTIONS");
        }
    }

    @Test
    void aWorkerKilledWithSignal9FailsTheRunningCallAndTheNextCallWorks() throws Exception {
        long pid = workerPid();
        AsyncResult<List<Integer>> slow = pool.mapAsync((Integer x) -> {
            PoolContractTest.sleep(60_000);
            return x;
        }, List.of(5));
        Thread.sleep(300);
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> slow.get(20, TimeUnit.SECONDS));
        assertTrue(e.getMessage().contains("signal 9") && e.getMessage().contains("item 0"), e.getMessage());
        assertEquals(List.of(10), pool.map((Integer x) -> x * 2, List.of(5)));
    }

    @Test
    void cancelRunningStopsABusyWorkerAndThePoolStaysUsable() {
        AsyncResult<List<Integer>> slow = pool.mapAsync((Integer x) -> {
            PoolContractTest.sleep(60_000);
            return x;
        }, List.of(1, 2, 3), 1);
        Pause.millis(300);
        long start = System.nanoTime();
        pool.cancelRunning();
        assertThrows(CancellationException.class, slow::get);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertEquals(List.of(4), pool.map((Integer x) -> x + 1, List.of(3)));
    }

    @Test
    void cancelRunningStopsCodeThatChecksForInterruptsWithoutReplacingTheWorker() {
        long pid = workerPid();
        AsyncResult<List<Integer>> busy = pool.mapAsync((Integer x) -> {
            while (true) {
                CellInterrupts.check(); // what the kernel weaves into cell code
            }
        }, List.of(1));
        Pause.millis(300);
        pool.cancelRunning();
        assertThrows(CancellationException.class, busy::get);
        assertEquals(pid, workerPid());
    }

    @Test
    void cancelRunningStopsAMapOfBatchedTasksAndKeepsTheWorker() {
        long pid = workerPid();
        List<Integer> items = IntStream.range(0, 50_000).boxed().toList();
        AsyncResult<List<Integer>> many = pool.mapAsync((Integer x) -> {
            long end = System.nanoTime() + 200_000; // 0.2 ms each: fast enough to be batched and sent ahead
            while (System.nanoTime() < end) {
                CellInterrupts.check();
            }
            return x;
        }, items, 1);
        Pause.millis(1000);
        long cancelled = System.nanoTime();
        pool.cancelRunning();
        assertThrows(CancellationException.class, many::get);
        assertEquals(List.of(2), pool.map((Integer x) -> x + 1, List.of(1)));
        assertTrue(System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(1),
                "the next call waited for the cancelled map");
        assertEquals(pid, workerPid(), "the worker was replaced instead of stopping its tasks");
    }

    @Test
    void cpuTimeOfWorkerJvmsIsCounted() {
        long before = Backends.workerCpuNanos();
        pool.map((Integer x) -> {
            // burn 200 ms of CPU (not wall) time: the machine may be busy with other work
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long end = threads.getCurrentThreadCpuTime() + 200_000_000L;
            long spins = 0;
            while (threads.getCurrentThreadCpuTime() < end) {
                spins++;
            }
            return spins;
        }, List.of(1));
        assertTrue(Backends.workerCpuNanos() - before >= 150_000_000L, "counted " + (Backends.workerCpuNanos() - before));
    }

    @Test
    void whatTasksPrintReachesTheCallersSystemOutCompleteAndInOrder() {
        String printed = SystemOut.captured(() -> pool.map((Integer x) -> {
            System.out.println("line " + x);
            return x;
        }, IntStream.range(0, 5000).boxed().toList(), 50));

        List<Integer> lines = printed.lines().map(line -> Integer.parseInt(line.substring("line ".length()))).toList();
        assertEquals(IntStream.range(0, 5000).boxed().toList(), lines.stream().sorted().toList());
        for (int first = 0; first < 5000; first += 50) {
            int chunkStart = first;
            List<Integer> chunk = lines.stream().filter(x -> x / 50 == chunkStart / 50).toList();
            assertEquals(IntStream.range(first, first + 50).boxed().toList(), chunk, "a chunk's lines out of order");
        }
    }

    @Test
    void whatALongTaskPrintsShowsWhileItRuns() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String whileRunning = SystemOut.capturing(captured, () -> {
            AsyncResult<List<Integer>> running = pool.mapAsync((Integer x) -> {
                System.out.print("started " + x); // no newline: only a timed flush sends it
                PoolContractTest.sleep(3000);
                return x;
            }, List.of(7));
            Pause.millis(1500);
            assertFalse(running.ready(), "the task should still run");
            String seen = captured.toString(StandardCharsets.UTF_8);
            running.get();
            return seen;
        });
        assertEquals("started 7", whileRunning);
    }

    @Test
    void closeStopsEveryWorkerJvm() {
        Pool pool = Pools.processes(2);
        List<Long> pids = pool.map((Integer x) -> {
            PoolContractTest.sleep(300); // keep one worker busy so that the other one starts too
            return ProcessHandle.current().pid();
        }, List.of(1, 2), 1);
        assertEquals(2, pids.stream().distinct().count());
        pool.close();
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " alive");
        }
        assertTrue(ProcessHandle.current().descendants()
                .noneMatch(p -> pids.contains(p.pid())));
    }
}
