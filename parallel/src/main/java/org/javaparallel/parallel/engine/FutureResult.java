package org.javaparallel.parallel.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.javaparallel.parallel.TaskFailedException;
import org.javaparallel.parallel.TaskFuture;
import org.javaparallel.parallel.spi.UserNames;

/**
 * The result of an asynchronous call, usable both as multiprocessing's AsyncResult and as a
 * {@link Future}. A failed task is thrown from {@code get} as {@link TaskFailedException}, created on the
 * waiting thread so that its stack shows where the caller waited.
 */
public final class FutureResult<R> implements TaskFuture<R> {
    private final CompletableFuture<R> future;
    private final Runnable cancelTasks;
    private final String name;

    FutureResult(String name, CompletableFuture<R> future, Runnable cancelTasks) {
        this.name = name;
        this.future = future;
        this.cancelTasks = cancelTasks;
    }

    @Override
    public R get() {
        try {
            return future.get();
        } catch (InterruptedException e) {
            cancelTasks.run();
            Thread.currentThread().interrupt();
            throw new CancellationException(name + " was interrupted; its tasks were cancelled");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new CancellationException(name + " was cancelled");
        }
    }

    @Override
    public R get(long timeout, TimeUnit unit) throws TimeoutException {
        try {
            future.get(timeout, unit);
        } catch (InterruptedException | ExecutionException | CancellationException e) {
            // get() reports these the same way as the untimed wait
        }
        return get();
    }

    private RuntimeException rethrow(Throwable failure) {
        if (failure instanceof TaskFailedException failed) {
            return new TaskFailedException(failed.getMessage(), failed.item(), failed.getCause());
        }
        if (failure instanceof CancellationException) {
            return new CancellationException(name + " was cancelled");
        }
        return new IllegalStateException(name + " failed: " + UserNames.of(failure), failure);
    }

    @Override
    public boolean ready() {
        return future.isDone();
    }

    @Override
    public boolean successful() {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    @Override
    public void waitFor() {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // waiting ends either way; get() reports the failure
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = future.cancel(mayInterruptIfRunning);
        cancelTasks.run();
        return cancelled;
    }

    @Override
    public boolean isCancelled() {
        return future.isCancelled();
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }
}
