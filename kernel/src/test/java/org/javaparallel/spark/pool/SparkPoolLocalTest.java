package org.javaparallel.spark.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.javaparallel.display.Display;
import org.javaparallel.display.DisplaySink;
import org.javaparallel.parallel.AsyncResult;
import org.javaparallel.parallel.Pair;
import org.javaparallel.parallel.TaskFailedException;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.spark.SparkSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pool on local[2], sharing one session across the tests (a Spark start costs seconds). */
@Tag("slow")
class SparkPoolLocalTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 23).boxed().toList();
    private static SparkPool pool;

    @BeforeAll
    static void start() {
        pool = new SparkPool(SparkSessions.shared(), "local[2]", SparkPoolLocalTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() {
        SparkSessions.shared().stop();
    }

    @Test
    void mapEqualsTheSequentialResultForEveryChunksize() {
        List<Integer> expected = ITEMS.stream().map(x -> x * x + 1).toList();
        for (int chunksize : new int[] {0, 1, 4, 100}) {
            assertEquals(expected, pool.map(x -> x * x + 1, ITEMS, chunksize), "chunksize " + chunksize);
        }
        assertEquals(List.of(), pool.map(x -> x, List.<Integer>of()));
    }

    @Test
    void itsTasksRunInThisJvm() {
        assertTrue(pool.runsInThisJvm());
    }

    @Test
    void aNegativeChunksizeIsRejectedAsOnTheOtherBackends() {
        IllegalArgumentException mapped = assertThrows(IllegalArgumentException.class,
                () -> pool.map(x -> x, ITEMS, -2));
        assertTrue(mapped.getMessage().contains("chunksize"), mapped.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pool.imap(x -> x, ITEMS, -1));
        List<Integer> automatic = new ArrayList<>();
        pool.imap(x -> x, ITEMS, 0).forEachRemaining(automatic::add);
        assertEquals(ITEMS, automatic);
    }

    @Test
    void theTimelineCoversEveryItemOnceInChunks() {
        pool.map(x -> x + 1, ITEMS, 5);
        List<TaskRecord> timeline = pool.lastTimeline();
        assertEquals(List.of(0, 5, 10, 15, 20), timeline.stream().map(TaskRecord::firstItem).toList());
        assertEquals(ITEMS.size(), timeline.stream().mapToInt(TaskRecord::itemCount).sum());
        assertTrue(timeline.stream().allMatch(task -> task.endMillis() >= task.startMillis()
                && task.worker().equals("local executor")), timeline.toString());
    }

    @Test
    void imapKeepsItemOrderAndImapUnorderedReturnsEveryResult() {
        List<String> expected = ITEMS.stream().map(x -> "#" + x).toList();
        List<String> ordered = new ArrayList<>();
        pool.imap((Integer x) -> "#" + x, ITEMS, 3).forEachRemaining(ordered::add);
        assertEquals(expected, ordered);

        List<String> unordered = new ArrayList<>();
        pool.imapUnordered((Integer x) -> "#" + x, ITEMS, 2).forEachRemaining(unordered::add);
        Collections.sort(unordered);
        List<String> sortedExpected = new ArrayList<>(expected);
        Collections.sort(sortedExpected);
        assertEquals(sortedExpected, unordered);
    }

    @Test
    void starmapApplyAndAsyncCallsGiveTheSequentialResults() {
        List<Pair<Integer, String>> args = ITEMS.stream().map(x -> Pair.of(x, "v")).toList();
        assertEquals(ITEMS.stream().map(x -> "v" + x).toList(), pool.starmap((Integer x, String s) -> s + x, args, 4));
        assertEquals(42, pool.apply(() -> 6 * 7));

        AsyncResult<List<Integer>> async = pool.mapAsync(x -> x * 2, ITEMS);
        assertEquals(ITEMS.stream().map(x -> x * 2).toList(), async.get());
        assertTrue(async.ready() && async.successful());
        assertEquals("done", pool.applyAsync(() -> "done").get());
    }

    @Test
    void aThrowingItemIsNamedWithItsException() {
        TaskFailedException error = assertThrows(TaskFailedException.class,
                () -> pool.map(x -> 100 / (x - 7), ITEMS, 3));
        assertEquals(7, error.item());
        assertInstanceOf(ArithmeticException.class, error.getCause());
        assertTrue(error.getMessage().startsWith("item 7 failed on local executor: java.lang.ArithmeticException"),
                error.getMessage());

        List<Integer> before = new ArrayList<>();
        var results = pool.imap((Integer x) -> 100 / (x - 7), ITEMS, 3);
        TaskFailedException lazy = assertThrows(TaskFailedException.class, () -> results.forEachRemaining(before::add));
        assertEquals(7, lazy.item());
        // whole chunks only, as on the other backends: the chunk of items 6..8 failed as a whole
        assertEquals(ITEMS.subList(0, 6).stream().map(x -> 100 / (x - 7)).toList(), before);

        TaskFailedException applied = assertThrows(TaskFailedException.class,
                () -> pool.apply(() -> { throw new IllegalStateException("no"); }));
        assertEquals(-1, applied.item());
        AsyncResult<Object> failing = pool.applyAsync(() -> { throw new IllegalStateException("no"); });
        failing.waitFor();
        assertTrue(failing.ready());
        assertFalse(failing.successful());
    }

    @Test
    void anInterruptCancelsTheCellsJobAndTheNextJobStartsAtOnce() throws Exception {
        SparkSessions.shared().beforeCell("long cell", Runnable::run);
        CompletableFuture<Long> failedAfter = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                pool.map(x -> sleep(60_000), List.of(1, 2), 1);
            } catch (RuntimeException expected) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            return -1L;
        });
        Thread.sleep(1500); // the job's tasks are running
        long interruptedAt = System.nanoTime();
        SparkSessions.shared().interruptCell();
        assertNotEquals(-1L, failedAfter.get(10, TimeUnit.SECONDS), "the interrupted map did not fail");
        long cancelMillis = (System.nanoTime() - interruptedAt) / 1_000_000;
        assertTrue(cancelMillis < 2000, "the job ended " + cancelMillis + " ms after the interrupt");

        long next = System.nanoTime();
        assertEquals(List.of(2, 3), pool.map(x -> x + 1, List.of(1, 2)));
        assertTrue((System.nanoTime() - next) / 1_000_000 < 5000, "the next job waited");
    }

    @Test
    void aLongJobShowsAProgressBarEndingInItsOutcome() throws InterruptedException {
        List<String> shown = new CopyOnWriteArrayList<>();
        Display.installSink(new DisplaySink() {
            @Override
            public void show(String displayId, Map<String, Object> mimeBundle) {
                shown.add("show " + mimeBundle.get("text/plain"));
            }

            @Override
            public void update(String displayId, Map<String, Object> mimeBundle) {
                shown.add("update " + mimeBundle.get("text/plain"));
            }
        });
        try {
            pool.map(x -> sleep(400), ITEMS.subList(0, 6), 1);
            Thread.sleep(500); // the listener bus delivers the job's end asynchronously
        } finally {
            Display.installSink(null);
        }
        assertTrue(shown.get(0).startsWith("show Spark job"), shown.toString());
        assertTrue(shown.stream().anyMatch(line -> line.contains("/6 tasks")), shown.toString());
        assertTrue(shown.get(shown.size() - 1).matches("update Spark job \\d+.* succeeded after .*6 tasks\\)"),
                shown.toString());
    }

    @Test
    void statusNamesTheMasterAndSettingsWaitForAStop() {
        String status = SparkSessions.shared().status();
        assertTrue(status.contains("running on local[2]") && status.contains("Spark UI: http://"), status);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> SparkSessions.shared().configure("spark.executor.memory", "2g"));
        assertTrue(error.getMessage().contains("%spark stop"), error.getMessage());
    }

    private static int sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted", e);
        }
        return 0;
    }
}
