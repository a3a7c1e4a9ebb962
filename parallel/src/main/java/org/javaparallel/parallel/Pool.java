package org.javaparallel.parallel;

import java.util.Iterator;
import java.util.List;

/**
 * A pool of workers in the spirit of Python's {@code multiprocessing.Pool}: the same calls run on threads,
 * on worker JVMs and on Spark executors. {@code chunksize} is the number of items one task carries.
 * Results keep the order of the items except for {@link #imapUnordered}.
 *
 * <p>Get a pool from {@link Pools}. A {@code chunksize} of 0 lets the pool choose; a negative one is rejected
 * with {@link IllegalArgumentException}. Every call on a closed pool throws {@link IllegalStateException}.
 * Functions, tasks and item lists must not be null; items themselves and results may be null. A function
 * that throws makes the call fail with a {@link TaskFailedException} that names the item; an interrupt of
 * the waiting thread cancels the call's tasks and throws {@link java.util.concurrent.CancellationException}.
 */
public interface Pool extends AutoCloseable {
    /**
     * The backend's name and size, e.g. {@code threads(4)}.
     *
     * @return the description, never null
     */
    String describe();

    /**
     * Number of workers: threads, worker JVMs or executor cores.
     *
     * @return the number of workers, at least 1
     */
    int size();

    /**
     * Whether every task runs in this JVM (threads, or Spark with a {@code local} master), sharing the heap and
     * static state with the other tasks and with the caller. Worker JVMs and the executors of a Spark cluster each
     * have their own: what one task computes and keeps there, another task finds only if it runs in the same JVM,
     * so work that shares such state is best given to a worker in one chunk.
     *
     * <p>Pools of other {@link PoolProvider}s that do not say answer false: work cut for other JVMs runs correctly
     * in this one too.
     *
     * @return true if the tasks run in this JVM; false if they run in other JVMs, or the pool does not say
     */
    default boolean runsInThisJvm() {
        return false;
    }

    /**
     * Applies {@code fn} to every item in parallel and waits for all results, like {@code pool.map(f, items)}.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param chunksize the number of items one task carries, or 0 to let the pool choose
     * @param <T> the item type
     * @param <R> the result type
     * @return the results, in item order
     * @throws TaskFailedException if {@code fn} threw for an item; it names the item
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if the call was cancelled or the wait interrupted
     */
    <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    /**
     * {@link #map(SerializableFunction, List, int)} with a chunk size the pool chooses.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param <T> the item type
     * @param <R> the result type
     * @return the results, in item order
     * @throws TaskFailedException if {@code fn} threw for an item; it names the item
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if the call was cancelled or the wait interrupted
     */
    default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return map(fn, items, 0);
    }

    /**
     * Starts {@link #map(SerializableFunction, List, int)} and returns at once, like {@code pool.map_async}.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param chunksize the number of items one task carries, or 0 to let the pool choose
     * @param <T> the item type
     * @param <R> the result type
     * @return a handle whose {@link AsyncResult#get()} gives the results in item order
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed
     */
    <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    /**
     * {@link #mapAsync(SerializableFunction, List, int)} with a chunk size the pool chooses.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param <T> the item type
     * @param <R> the result type
     * @return a handle whose {@link AsyncResult#get()} gives the results in item order
     * @throws IllegalStateException if the pool is closed
     */
    default <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return mapAsync(fn, items, 0);
    }

    /**
     * Lazy and ordered: the n-th result is returned as soon as it and all before it are done.
     * The iterator's {@code next()} throws {@link TaskFailedException} when it reaches an item whose task
     * failed, and {@link java.util.concurrent.CancellationException} when the waiting thread is interrupted.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param chunksize the number of items one task carries, or 0 to let the pool choose
     * @param <T> the item type
     * @param <R> the result type
     * @return an iterator over the results, in item order
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed
     */
    <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    /**
     * {@link #imap(SerializableFunction, List, int)} with one item per task, as in Python.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param <T> the item type
     * @param <R> the result type
     * @return an iterator over the results, in item order
     * @throws IllegalStateException if the pool is closed
     */
    default <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return imap(fn, items, 1);
    }

    /**
     * Lazy, in completion order. The iterator's {@code next()} throws {@link TaskFailedException} when a task
     * failed, and {@link java.util.concurrent.CancellationException} when the waiting thread is interrupted.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param chunksize the number of items one task carries, or 0 to let the pool choose
     * @param <T> the item type
     * @param <R> the result type
     * @return an iterator over the results, in the order they are done
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed
     */
    <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    /**
     * {@link #imapUnordered(SerializableFunction, List, int)} with one item per task, as in Python.
     *
     * @param fn the function to apply; not null
     * @param items the inputs; not null
     * @param <T> the item type
     * @param <R> the result type
     * @return an iterator over the results, in the order they are done
     * @throws IllegalStateException if the pool is closed
     */
    default <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return imapUnordered(fn, items, 1);
    }

    /**
     * Applies a two-argument {@code fn} to every pair in parallel and waits, like {@code pool.starmap(f, pairs)}.
     *
     * @param fn the function to apply to each pair's two values; not null
     * @param args the argument pairs; not null, and no pair may be null
     * @param chunksize the number of pairs one task carries, or 0 to let the pool choose
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <R> the result type
     * @return the results, in the order of the pairs
     * @throws TaskFailedException if {@code fn} threw for a pair; it names the pair's index
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if the call was cancelled or the wait interrupted
     */
    <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                              List<? extends Pair<? extends A, ? extends B>> args, int chunksize);

    /**
     * {@link #starmap(SerializableBiFunction, List, int)} with a chunk size the pool chooses.
     *
     * @param fn the function to apply to each pair's two values; not null
     * @param args the argument pairs; not null, and no pair may be null
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <R> the result type
     * @return the results, in the order of the pairs
     * @throws TaskFailedException if {@code fn} threw for a pair; it names the pair's index
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if the call was cancelled or the wait interrupted
     */
    default <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                      List<? extends Pair<? extends A, ? extends B>> args) {
        return starmap(fn, args, 0);
    }

    /**
     * Starts {@link #starmap(SerializableBiFunction, List, int)} and returns at once, like
     * {@code pool.starmap_async}.
     *
     * @param fn the function to apply to each pair's two values; not null
     * @param args the argument pairs; not null, and no pair may be null
     * @param chunksize the number of pairs one task carries, or 0 to let the pool choose
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <R> the result type
     * @return a handle whose {@link AsyncResult#get()} gives the results in the order of the pairs
     * @throws IllegalArgumentException if {@code chunksize} is negative
     * @throws IllegalStateException if the pool is closed
     */
    <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                List<? extends Pair<? extends A, ? extends B>> args, int chunksize);

    /**
     * {@link #starmapAsync(SerializableBiFunction, List, int)} with a chunk size the pool chooses.
     *
     * @param fn the function to apply to each pair's two values; not null
     * @param args the argument pairs; not null, and no pair may be null
     * @param <A> the first argument's type
     * @param <B> the second argument's type
     * @param <R> the result type
     * @return a handle whose {@link AsyncResult#get()} gives the results in the order of the pairs
     * @throws IllegalStateException if the pool is closed
     */
    default <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                        List<? extends Pair<? extends A, ? extends B>> args) {
        return starmapAsync(fn, args, 0);
    }

    /**
     * Runs one task on a worker and waits for its result, like {@code pool.apply(f)}.
     *
     * @param task the task; not null
     * @param <R> the task's result type
     * @return what the task returned; null if it returned null
     * @throws TaskFailedException if the task threw; its cause is the task's exception
     * @throws IllegalStateException if the pool is closed
     * @throws java.util.concurrent.CancellationException if the task was cancelled or the wait interrupted
     */
    <R> R apply(SerializableCallable<? extends R> task);

    /**
     * Starts one task on a worker and returns at once, like {@code pool.apply_async(f)}.
     *
     * @param task the task; not null
     * @param <R> the task's result type
     * @return the task's future; its {@code get()} throws the task's failure as {@link TaskFailedException}
     * @throws IllegalStateException if the pool is closed
     */
    <R> TaskFuture<R> applyAsync(SerializableCallable<? extends R> task);

    /**
     * Where and when each task of the last completed call ran, for per-worker timeline pictures.
     *
     * @return the records of the last completed call; empty before the first call completed
     */
    List<TaskRecord> lastTimeline();

    /**
     * What the backend runs now, e.g. which worker JVMs are started; empty if it has nothing to say.
     *
     * @return the state, never null
     */
    default String state() {
        return "";
    }

    /** Cancels the tasks of every running call (kernel interrupt); the pool stays usable. */
    default void cancelRunning() {
    }

    /**
     * Stops the pool's workers; later calls throw {@link IllegalStateException}. The pool that {@link
     * Pools#current()} returns ignores this: the kernel-wide backend stays.
     */
    @Override
    void close();
}
