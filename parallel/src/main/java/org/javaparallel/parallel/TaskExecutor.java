package org.javaparallel.parallel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An executor in the style of Python's {@code concurrent.futures}: {@code submit} returns a future at once,
 * {@code map} returns the results in item order, {@code shutdown} waits for what was submitted (also on close).
 * Futures' {@code get()} throws a failed task's exception as {@link TaskFailedException}.
 */
public final class TaskExecutor implements AutoCloseable {
    private final Pool pool;
    private final Set<TaskFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    TaskExecutor(Pool pool) {
        this.pool = pool;
    }

    /**
     * Like {@code executor.submit(fn)}: runs {@code task} on the executor's pool.
     *
     * @param task what to run; not null
     * @param <R> the task's result type
     * @return its future, at once; {@code get()} throws the task's failure as {@link TaskFailedException}
     * @throws IllegalStateException if the executor was shut down
     */
    public <R> TaskFuture<R> submit(SerializableCallable<? extends R> task) {
        requireRunning();
        TaskFuture<R> future = pool.applyAsync(task);
        pending.add(future);
        pending.removeIf(TaskFuture::isDone);
        return future;
    }

    /**
     * Like {@code executor.map(fn, items)}: each item is its own task.
     *
     * @param fn the function; not null
     * @param items the inputs; not null
     * @param <T> the item type
     * @param <R> the result type
     * @return the results, in item order
     * @throws TaskFailedException if a task threw; it names the item
     * @throws IllegalStateException if the executor was shut down
     * @throws java.util.concurrent.CancellationException if the tasks were cancelled or the wait interrupted
     */
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        requireRunning();
        return pool.map(fn, items, 1);
    }

    /**
     * A description of the executor's pool, e.g. {@code threads(4)}.
     *
     * @return the description, never null
     */
    public String describe() {
        return pool.describe();
    }

    private void requireRunning() {
        if (shutdown) {
            throw new IllegalStateException("the executor " + pool.describe() + " was shut down");
        }
    }

    /**
     * Accepts no more tasks; with {@code wait}, waits for the submitted ones first; then stops the workers.
     * Failed tasks do not make it throw: their futures report the failure.
     *
     * @param wait whether to wait for the tasks already submitted
     */
    public void shutdown(boolean wait) {
        shutdown = true;
        if (wait) {
            pending.forEach(TaskFuture::waitFor);
        }
        pool.close();
    }

    /** Like {@code shutdown(wait=True)}. */
    public void shutdown() {
        shutdown(true);
    }

    /** Same as {@link #shutdown()}, for try-with-resources. */
    @Override
    public void close() {
        shutdown(true);
    }
}
