package org.javaparallel.parallel.threads;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkExecution;
import org.javaparallel.parallel.engine.ChunkResult;
import org.javaparallel.parallel.engine.ChunkRunner;
import org.javaparallel.parallel.engine.ItemFailedException;

/** Runs chunks on a fixed number of threads of the kernel JVM: shared memory, real CPU parallelism. */
public final class ThreadChunkRunner implements ChunkRunner<SerializableFunction<Object, Object>> {
    private final int threads;
    private final boolean virtual;
    private final ExecutorService executor;
    private final Set<CompletableFuture<ChunkResult>> outstanding = ConcurrentHashMap.newKeySet();

    /**
     * A runner with {@code threads} threads.
     *
     * @param threads the number of threads
     * @param virtual whether to use virtual threads (JDK 21+) instead of platform threads
     */
    public ThreadChunkRunner(int threads, boolean virtual) {
        this.threads = threads;
        this.virtual = virtual;
        this.executor = Executors.newFixedThreadPool(threads, virtual ? VirtualThreads.factory() : platformThreads());
    }

    private static ThreadFactory platformThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "thread-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String kind() {
        return virtual ? "virtual threads" : "threads";
    }

    @Override
    public int workers() {
        return threads;
    }

    @Override
    public boolean runsInThisJvm() {
        return true;
    }

    @Override
    public String state() {
        return outstanding.size() + " chunks queued or running";
    }

    @Override
    public SerializableFunction<Object, Object> prepare(SerializableFunction<Object, Object> fn) {
        return fn;
    }

    @Override
    public CompletableFuture<ChunkResult> submit(SerializableFunction<Object, Object> fn, Chunk chunk,
                                                 Executor callerContext) {
        CompletableFuture<ChunkResult> result = new CompletableFuture<>();
        outstanding.add(result);
        Future<?> running = executor.submit(() -> callerContext.execute(() -> result.complete(run(fn, chunk))));
        result.whenComplete((r, e) -> {
            outstanding.remove(result);
            if (result.isCancelled()) {
                running.cancel(true);
            }
        });
        return result;
    }

    private static ChunkResult run(SerializableFunction<Object, Object> fn, Chunk chunk) {
        String worker = Thread.currentThread().getName();
        long start = System.currentTimeMillis();
        try {
            List<Object> results = ChunkExecution.applyAll(fn, chunk.firstItem(), chunk.items());
            return new ChunkResult.Done(results, record(worker, chunk, start));
        } catch (ItemFailedException e) {
            return new ChunkResult.Failed(e.item(), worker, e.getCause(), record(worker, chunk, start));
        }
    }

    private static TaskRecord record(String worker, Chunk chunk, long start) {
        return new TaskRecord(worker, chunk.firstItem(), chunk.items().size(), start, System.currentTimeMillis());
    }

    @Override
    public void cancelAll() {
        List.copyOf(outstanding).forEach(f -> f.cancel(true));
    }

    @Override
    public void close() {
        cancelAll();
        executor.shutdownNow();
    }
}
