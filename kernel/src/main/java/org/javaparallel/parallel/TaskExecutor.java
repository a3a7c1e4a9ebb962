package org.javaparallel.parallel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.javaparallel.parallel.engine.ChunkedPool;
import org.javaparallel.parallel.engine.FutureResult;

/**
 * An executor in the style of Python's {@code concurrent.futures}: {@code submit} returns a future at once,
 * {@code map} returns the results in item order, {@code shutdown} waits for what was submitted (also on close).
 * Futures' {@code get()} throws a failed task's exception as {@link TaskFailedException}.
 */
public final class TaskExecutor implements AutoCloseable {
    private final ChunkedPool<?> pool;
    private final Set<FutureResult<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    TaskExecutor(ChunkedPool<?> pool) {
        this.pool = pool;
    }

    public <R> FutureResult<R> submit(SerializableCallable<? extends R> task) {
        requireRunning();
        FutureResult<R> future = pool.submit("submit", task);
        pending.add(future);
        pending.removeIf(FutureResult::isDone);
        return future;
    }

    /** Like {@code executor.map(fn, items)}: each item is its own task; results in item order. */
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        requireRunning();
        return pool.map(fn, items, 1);
    }

    public String describe() {
        return pool.describe();
    }

    private void requireRunning() {
        if (shutdown) {
            throw new IllegalStateException("the executor " + pool.describe() + " was shut down");
        }
    }

    /** Accepts no more tasks; with {@code wait}, waits for the submitted ones first; then stops the workers. */
    public void shutdown(boolean wait) {
        shutdown = true;
        if (wait) {
            pending.forEach(FutureResult::waitFor);
        }
        pool.close();
    }

    public void shutdown() {
        shutdown(true);
    }

    @Override
    public void close() {
        shutdown(true);
    }
}
