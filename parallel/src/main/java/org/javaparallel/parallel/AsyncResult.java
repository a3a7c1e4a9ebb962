package org.javaparallel.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The handle {@code mapAsync}, {@code starmapAsync} and {@code applyAsync} return, like multiprocessing's AsyncResult. */
public interface AsyncResult<R> {
    /** Waits for the result; a failed task's exception is rethrown as a {@link TaskFailedException}. */
    R get();

    R get(long timeout, TimeUnit unit) throws TimeoutException;

    boolean ready();

    /** True once ready and no task failed. */
    boolean successful();

    void waitFor();
}
