package org.javaparallel.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The handle {@code mapAsync}, {@code starmapAsync} and {@code applyAsync} return, like multiprocessing's AsyncResult.
 *
 * @param <R> the result type: a list of results for the map calls, the task's result for {@code applyAsync}
 */
public interface AsyncResult<R> {
    /**
     * Waits for the result; a failed task's exception is rethrown as a {@link TaskFailedException}.
     *
     * @return the result; null only where the task itself returned null
     * @throws TaskFailedException if a task threw; it names the item, and its cause is the task's exception
     * @throws java.util.concurrent.CancellationException if the call was cancelled or the wait interrupted
     * @throws IllegalStateException if the call failed for another reason than a task's exception
     */
    R get();

    /**
     * Waits at most the given time for the result, like {@code AsyncResult.get(timeout)}.
     *
     * @param timeout how long to wait at most
     * @param unit the unit of {@code timeout}; not null
     * @return the result; null only where the task itself returned null
     * @throws TimeoutException if the result is not there in time; the call goes on
     * @throws TaskFailedException if a task threw; it names the item, and its cause is the task's exception
     * @throws java.util.concurrent.CancellationException if the call was cancelled or the wait interrupted
     */
    R get(long timeout, TimeUnit unit) throws TimeoutException;

    /**
     * Whether the call has ended, with results, a failure or a cancel.
     *
     * @return true once the call has ended
     */
    boolean ready();

    /**
     * True once ready and no task failed.
     *
     * @return true if the call ended with results
     */
    boolean successful();

    /** Waits until the call has ended, without throwing its failure; an interrupt ends the wait early. */
    void waitFor();
}
