package org.javaparallel.parallel;

import java.util.Iterator;
import java.util.List;

/**
 * A pool of workers in the spirit of Python's {@code multiprocessing.Pool}: the same calls run on threads,
 * on worker JVMs and on Spark executors. {@code chunksize} is the number of items one task carries.
 * Results keep the order of the items except for {@link #imapUnordered}.
 */
public interface Pool extends AutoCloseable {
    /** The backend's name and size, e.g. {@code threads(4)}. */
    String describe();

    /** Number of workers: threads, worker JVMs or executor cores. */
    int size();

    <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return map(fn, items, 0);
    }

    <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    default <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return mapAsync(fn, items, 0);
    }

    /** Lazy and ordered: the n-th result is returned as soon as it and all before it are done. */
    <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    default <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return imap(fn, items, 1);
    }

    /** Lazy, in completion order. */
    <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize);

    default <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items) {
        return imapUnordered(fn, items, 1);
    }

    <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                              List<? extends Pair<? extends A, ? extends B>> args, int chunksize);

    default <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                      List<? extends Pair<? extends A, ? extends B>> args) {
        return starmap(fn, args, 0);
    }

    <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                List<? extends Pair<? extends A, ? extends B>> args, int chunksize);

    default <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                        List<? extends Pair<? extends A, ? extends B>> args) {
        return starmapAsync(fn, args, 0);
    }

    <R> R apply(SerializableCallable<? extends R> task);

    <R> TaskFuture<R> applyAsync(SerializableCallable<? extends R> task);

    /** Where and when each task of the last completed call ran, for per-worker timeline pictures. */
    List<TaskRecord> lastTimeline();

    /** What the backend runs now, e.g. which worker JVMs are started; empty if it has nothing to say. */
    default String state() {
        return "";
    }

    /** Cancels the tasks of every running call (kernel interrupt); the pool stays usable. */
    default void cancelRunning() {
    }

    @Override
    void close();
}
