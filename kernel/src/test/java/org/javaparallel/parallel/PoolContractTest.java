package org.javaparallel.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.javaparallel.spark.SparkSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same calls give the same results on every backend: threads, worker JVMs (which load these test classes from
 * the classpath) and Spark local mode, each created the way cells create them, through {@link Pools#create}.
 */
@Tag("slow")
class PoolContractTest {
    private static final Map<String, Pool> POOLS = new ConcurrentHashMap<>();
    private static final CountDownLatch KEPT_CHUNK_STOPPED = new CountDownLatch(1);
    private static final CountDownLatch LATER_ITEM_FAILING = new CountDownLatch(1);
    private static final List<Integer> ITEMS = IntStream.range(0, 50).boxed().collect(Collectors.toList());
    private static final List<Integer> SQUARES = ITEMS.stream().map(x -> x * x).collect(Collectors.toList());

    static Stream<String> pools() {
        return Stream.of("threads 2", "processes 2", "spark local[2]");
    }

    private static Pool pool(String backend) {
        return POOLS.computeIfAbsent(backend, spec -> Pools.create(BackendSpec.parse(spec)));
    }

    @AfterAll
    static void closePools() {
        POOLS.values().forEach(Pool::close);
        SparkSessions.shared().stop();
    }

    @ParameterizedTest
    @MethodSource("pools")
    void mapKeepsItemOrderForAnyChunksize(String backend) {
        Pool pool = pool(backend);
        assertEquals(SQUARES, pool.map(x -> x * x, ITEMS));
        assertEquals(SQUARES, pool.map((Integer x) -> x * x, ITEMS, 1));
        assertEquals(SQUARES, pool.map((Integer x) -> x * x, ITEMS, 7));
        assertEquals(SQUARES, pool.map((Integer x) -> x * x, ITEMS, 500));
        assertEquals(List.of(), pool.map((Integer x) -> x * x, List.of()));
    }

    @ParameterizedTest
    @MethodSource("pools")
    void imapYieldsTheChunksBeforeAFailingOneThenNamesTheItem(String backend) {
        List<Integer> before = new ArrayList<>();
        Iterator<Integer> results = pool(backend).imap((Integer x) -> 100 / (x - 7), ITEMS, 3);
        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> results.forEachRemaining(before::add));
        assertEquals(7, failed.item());
        assertEquals(ITEMS.subList(0, 6).stream().map(x -> 100 / (x - 7)).toList(), before);
    }

    @ParameterizedTest
    @MethodSource("pools")
    void imapWaitsForSlowerChunksBeforeAFailureThatCameFirst(String backend) {
        List<Integer> before = new ArrayList<>();
        // item 1 fails while item 0 still runs: item 0's result must not be cancelled away
        Iterator<Integer> results = pool(backend).imap((Integer x) -> {
            sleep(x == 0 ? 1000 : 0);
            if (x > 0) {
                throw new IllegalStateException("item " + x);
            }
            return x;
        }, List.of(0, 1), 1);
        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> results.forEachRemaining(before::add));
        assertEquals(List.of(0), before);
        assertEquals(1, failed.item());
    }

    @ParameterizedTest
    @MethodSource("pools")
    void imapNamesTheFirstFailingItemInOrderNotTheFirstToFail(String backend) {
        Iterator<Integer> results = pool(backend).imap((Integer x) -> {
            sleep(x == 0 ? 1000 : 0);
            throw new IllegalStateException("item " + x);
        }, List.of(0, 1), 1);
        assertEquals(0, assertThrows(TaskFailedException.class, results::hasNext).item());
    }

    @Test
    void interruptingAnImapStopsTheChunksItKeptRunningAfterAFailure() throws Exception {
        Iterator<Integer> results = pool("threads 2").imap((Integer x) -> {
            if (x > 0) {
                LATER_ITEM_FAILING.countDown();
                throw new IllegalStateException("item " + x);
            }
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                KEPT_CHUNK_STOPPED.countDown();
            }
            return x;
        }, List.of(0, 1), 1);
        FutureTask<Boolean> consumer = new FutureTask<>(results::hasNext);
        Thread consumerThread = new Thread(consumer);
        consumerThread.start();
        assertTrue(LATER_ITEM_FAILING.await(10, TimeUnit.SECONDS));
        Thread.sleep(200); // the failure of item 1 settles; the consumer waits for item 0
        consumerThread.interrupt();
        assertTrue(KEPT_CHUNK_STOPPED.await(10, TimeUnit.SECONDS), "item 0 still runs after the interrupt");
        ExecutionException ended = assertThrows(ExecutionException.class, () -> consumer.get(10, TimeUnit.SECONDS));
        assertInstanceOf(java.util.concurrent.CancellationException.class, ended.getCause());
    }

    @ParameterizedTest
    @MethodSource("pools")
    void imapIsOrderedAndImapUnorderedYieldsEveryResult(String backend) {
        Pool pool = pool(backend);
        assertEquals(SQUARES, drain(pool.imap((Integer x) -> x * x, ITEMS, 3)));
        List<Integer> unordered = drain(pool.imapUnordered((Integer x) -> x * x, ITEMS, 3));
        unordered.sort(null);
        assertEquals(SQUARES, unordered);
    }

    @ParameterizedTest
    @MethodSource("pools")
    void imapUnorderedYieldsInCompletionOrder(String backend) {
        Pool pool = pool(backend);
        // item 0 sleeps, so on two workers item 1 finishes first
        List<Integer> order = drain(pool.imapUnordered((Integer x) -> {
            sleep(x == 0 ? 1500 : 0);
            return x;
        }, List.of(0, 1), 1));
        assertEquals(List.of(1, 0), order);
    }

    @ParameterizedTest
    @MethodSource("pools")
    void starmapApplyAndAsyncCalls(String backend) {
        Pool pool = pool(backend);
        List<Pair<Integer, String>> args = List.of(Pair.of(2, "a"), Pair.of(3, "b"), Pair.of(1, "c"));
        assertEquals(List.of("aa", "bbb", "c"), pool.starmap((Integer n, String s) -> s.repeat(n), args));
        assertEquals(List.of("aa", "bbb", "c"),
                pool.starmapAsync((Integer n, String s) -> s.repeat(n), args, 1).get());
        assertEquals(42, (int) pool.apply(() -> 6 * 7));
        assertEquals(42, (int) pool.applyAsync(() -> 6 * 7).get());
        AsyncResult<List<Integer>> async = pool.mapAsync((Integer x) -> x * x, ITEMS);
        async.waitFor();
        assertTrue(async.ready() && async.successful());
        assertEquals(SQUARES, async.get());
    }

    @ParameterizedTest
    @MethodSource("pools")
    void failingItemIsNamedWithRemoteTypeMessageAndStack(String backend) {
        Pool pool = pool(backend);
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> pool.map((Integer x) -> 10 / (x - 7), ITEMS, 4));
        assertEquals(7, e.item());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertTrue(e.getMessage().contains("item 7") && e.getMessage().contains("/ by zero"), e.getMessage());
        assertTrue(e.getCause().getStackTrace().length > 0);
        TaskFailedException applyFailure = assertThrows(TaskFailedException.class, () -> pool.apply(() -> {
            throw new java.io.IOException("disk gone");
        }));
        assertEquals(-1, applyFailure.item());
        assertInstanceOf(java.io.IOException.class, applyFailure.getCause());
        assertThrows(TaskFailedException.class, () -> drain(pool.imap((Integer x) -> 10 / (x - 7), ITEMS, 4)));
        assertEquals(SQUARES, pool.map((Integer x) -> x * x, ITEMS), "the pool works after a failure");
    }

    @ParameterizedTest
    @MethodSource("pools")
    void timelineRecordsEveryChunk(String backend) {
        Pool pool = pool(backend);
        pool.map((Integer x) -> x + 1, ITEMS, 10);
        List<TaskRecord> timeline = pool.lastTimeline();
        assertEquals(5, timeline.size());
        assertEquals(ITEMS.size(), timeline.stream().mapToInt(TaskRecord::itemCount).sum());
        assertTrue(timeline.stream().allMatch(r -> r.endMillis() >= r.startMillis() && !r.worker().isEmpty()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> List<T> drain(Iterator<T> iterator) {
        List<T> all = new ArrayList<>();
        iterator.forEachRemaining(all::add);
        return all;
    }
}
