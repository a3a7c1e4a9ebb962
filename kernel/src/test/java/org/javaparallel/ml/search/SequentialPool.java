package org.javaparallel.ml.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.javaparallel.parallel.AsyncResult;
import org.javaparallel.parallel.Pair;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.SerializableBiFunction;
import org.javaparallel.parallel.SerializableCallable;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.TaskFuture;
import org.javaparallel.parallel.TaskRecord;

/**
 * TEST FIXTURE: a Pool that runs tasks one after another in the calling thread. Like a pool of worker JVMs it
 * sends the function of every call through Java serialization (and records how many bytes that took), and it
 * can run the items in reverse to show that results do not depend on completion order.
 */
public final class SequentialPool implements Pool {
    private final boolean reverse;
    private final List<Integer> serializedFunctionBytes = new ArrayList<>();

    public SequentialPool(boolean reverse) {
        this.reverse = reverse;
    }

    public List<Integer> serializedFunctionBytes() {
        return serializedFunctionBytes;
    }

    @Override
    public String describe() {
        return "sequential" + (reverse ? "(reversed)" : "");
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public boolean runsInThisJvm() {
        return true;
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize) {
        SerializableFunction<? super T, ? extends R> shipped = roundTrip(fn);
        List<R> results = new ArrayList<>();
        for (T item : items) {
            results.add(shipped.apply(item));
        }
        return results;
    }

    @Override
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                            int chunksize) {
        List<T> order = new ArrayList<>(items);
        if (reverse) {
            java.util.Collections.reverse(order);
        }
        return this.<T, R>map(fn, order, chunksize).iterator();
    }

    @Override
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize) {
        return this.<T, R>map(fn, items, chunksize).iterator();
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                                int chunksize) {
        throw new UnsupportedOperationException("not needed by the search tests");
    }

    @Override
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                     List<? extends Pair<? extends A, ? extends B>> args, int chunksize) {
        throw new UnsupportedOperationException("not needed by the search tests");
    }

    @Override
    public <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                       List<? extends Pair<? extends A, ? extends B>> args, int chunksize) {
        throw new UnsupportedOperationException("not needed by the search tests");
    }

    @Override
    public <R> R apply(SerializableCallable<? extends R> task) {
        throw new UnsupportedOperationException("not needed by the search tests");
    }

    @Override
    public <R> TaskFuture<R> applyAsync(SerializableCallable<? extends R> task) {
        throw new UnsupportedOperationException("not needed by the search tests");
    }

    @Override
    public List<TaskRecord> lastTimeline() {
        return List.of();
    }

    @Override
    public void close() {
    }

    @SuppressWarnings("unchecked")
    private <F> F roundTrip(F function) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(function);
            }
            serializedFunctionBytes.add(bytes.size());
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (F) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("function did not survive serialization", e));
        }
    }
}
