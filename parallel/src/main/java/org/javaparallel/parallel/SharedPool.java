package org.javaparallel.parallel;

import java.util.Iterator;
import java.util.List;

/** The kernel-wide pool as cells see it: usable in try-with-resources without closing the backend for everyone. */
final class SharedPool implements Pool {
    private final Pool pool;

    SharedPool(Pool pool) {
        this.pool = pool;
    }

    Pool unwrap() {
        return pool;
    }

    @Override
    public String describe() {
        return pool.describe();
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public boolean runsInThisJvm() {
        return pool.runsInThisJvm();
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize) {
        return pool.map(fn, items, chunksize);
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
                                                List<? extends T> items, int chunksize) {
        return pool.mapAsync(fn, items, chunksize);
    }

    @Override
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                   int chunksize) {
        return pool.imap(fn, items, chunksize);
    }

    @Override
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                            int chunksize) {
        return pool.imapUnordered(fn, items, chunksize);
    }

    @Override
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                     List<? extends Pair<? extends A, ? extends B>> args, int chunksize) {
        return pool.starmap(fn, args, chunksize);
    }

    @Override
    public <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                       List<? extends Pair<? extends A, ? extends B>> args,
                                                       int chunksize) {
        return pool.starmapAsync(fn, args, chunksize);
    }

    @Override
    public <R> R apply(SerializableCallable<? extends R> task) {
        return pool.apply(task);
    }

    @Override
    public <R> TaskFuture<R> applyAsync(SerializableCallable<? extends R> task) {
        return pool.applyAsync(task);
    }

    @Override
    public List<TaskRecord> lastTimeline() {
        return pool.lastTimeline();
    }

    @Override
    public String state() {
        return pool.state();
    }

    @Override
    public void cancelRunning() {
        pool.cancelRunning();
    }

    /** Leaves the backend running: only {@code %backend} and kernel shutdown end it. */
    @Override
    public void close() {
    }
}
