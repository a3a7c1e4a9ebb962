package org.javaparallel.parallel;

import java.util.concurrent.Future;

/**
 * The result of one asynchronous task, usable both as multiprocessing's {@link AsyncResult} and as a
 * {@link Future}: what {@link Pool#applyAsync} and {@link TaskExecutor#submit} return.
 *
 * @param <R> the task's result type
 */
public interface TaskFuture<R> extends AsyncResult<R>, Future<R> {
    /**
     * Waits for the result.
     *
     * @return the task's result
     * @throws TaskFailedException if the task threw; its cause is the task's exception
     * @throws java.util.concurrent.CancellationException if the task was cancelled or the wait interrupted
     */
    @Override
    R get();
}
