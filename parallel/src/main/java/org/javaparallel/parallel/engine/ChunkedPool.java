package org.javaparallel.parallel.engine;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import org.javaparallel.parallel.AsyncResult;
import org.javaparallel.parallel.Pair;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.SerializableBiFunction;
import org.javaparallel.parallel.SerializableCallable;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.spi.CallerContext;

/** The Pool calls, implemented once on top of a backend's {@link ChunkRunner}. */
public final class ChunkedPool<P> implements Pool {
    private final ChunkRunner<P> runner;
    private volatile List<TaskRecord> lastTimeline = List.of();
    private volatile boolean closed;

    /**
     * A pool whose chunks {@code runner} runs; closing the pool closes the runner.
     *
     * @param runner the backend; not null
     */
    public ChunkedPool(ChunkRunner<P> runner) {
        this.runner = runner;
    }

    @Override
    public String describe() {
        return runner.kind() + "(" + runner.workers() + ")";
    }

    @Override
    public String state() {
        return closed ? "closed" : runner.state();
    }

    @Override
    public int size() {
        return runner.workers();
    }

    @Override
    public boolean runsInThisJvm() {
        return runner.runsInThisJvm();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize) {
        return (List<R>) start("map", TaskAdapters.erase(fn), items, chunksize, Delivery.ALL_RESULTS).asResult().get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
                                                List<? extends T> items, int chunksize) {
        return (AsyncResult<List<R>>) (AsyncResult<?>) start("map", TaskAdapters.erase(fn), items, chunksize,
                Delivery.ALL_RESULTS).asResult();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                   int chunksize) {
        return (Iterator<R>) start("imap", TaskAdapters.erase(fn), items, chunksize, Delivery.IN_ORDER).inOrder();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                            int chunksize) {
        return (Iterator<R>) start("imapUnordered", TaskAdapters.erase(fn), items, chunksize,
                Delivery.IN_COMPLETION_ORDER).inCompletionOrder();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                     List<? extends Pair<? extends A, ? extends B>> args, int chunksize) {
        return (List<R>) start("starmap", TaskAdapters.spread(fn), args, chunksize, Delivery.ALL_RESULTS).asResult().get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                       List<? extends Pair<? extends A, ? extends B>> args,
                                                       int chunksize) {
        return (AsyncResult<List<R>>) (AsyncResult<?>) start("starmap", TaskAdapters.spread(fn), args, chunksize,
                Delivery.ALL_RESULTS).asResult();
    }

    @Override
    public <R> R apply(SerializableCallable<? extends R> task) {
        return applyAsync(task).get();
    }

    @Override
    public <R> FutureResult<R> applyAsync(SerializableCallable<? extends R> task) {
        return submit("apply", task);
    }

    /**
     * Runs one task; {@code name} is what progress and errors call it (apply, submit).
     *
     * @param name what progress and errors call the task
     * @param task the task; not null
     * @param <R> the task's result type
     * @return the task's future
     * @throws IllegalStateException if the pool is closed
     */
    @SuppressWarnings("unchecked")
    public <R> FutureResult<R> submit(String name, SerializableCallable<? extends R> task) {
        Call call = start(name, new TaskAdapters.Call(task), java.util.Collections.singletonList(null), 1,
                Delivery.ONE_RESULT);
        return new FutureResult<>(name, call.all().thenApply(results -> (R) results.get(0)), call::cancel);
    }

    @Override
    public List<TaskRecord> lastTimeline() {
        return lastTimeline;
    }

    private Call start(String name, SerializableFunction<Object, Object> fn, List<?> items, int chunksize,
                       Delivery delivery) {
        if (closed) {
            throw new IllegalStateException(describe() + " is closed; create a new pool");
        }
        P task = runner.prepare(fn);
        Executor callerContext = CallerContext.capture();
        List<Chunk> chunks = Chunking.split(items, Chunking.chunkSize(items.size(), runner.workers(), chunksize));
        ProgressReporter progress = new ProgressReporter(name, items.size(), chunks.size(), describe(), callerContext,
                delivery != Delivery.ONE_RESULT);
        Call call = new Call(name, delivery, chunks, progress, timeline -> lastTimeline = timeline);
        for (int i = 0; i < chunks.size(); i++) {
            call.track(i, runner.submit(task, chunks.get(i), callerContext));
        }
        return call;
    }

    @Override
    public void cancelRunning() {
        runner.cancelAll();
    }

    @Override
    public void close() {
        closed = true;
        runner.close();
    }
}
