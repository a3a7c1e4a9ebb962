package org.javaparallel.parallel.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.javaparallel.parallel.TaskFailedException;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.spi.UserNames;

/** One Pool call in flight: its chunks, their results in item order, its timeline and progress. */
final class Call {
    /** Queued for an unordered iterator when the call ends by a failure or cancel it has not seen. */
    private static final ChunkResult CALL_ENDED = new ChunkResult.Failed(-1, "-", null, null);
    private final String name;
    private final Delivery delivery;
    private final List<Chunk> chunks;
    private final List<CompletableFuture<ChunkResult>> submitted = new ArrayList<>();
    private final List<CompletableFuture<ChunkResult>> settled = new ArrayList<>();
    private final List<?>[] resultsByChunk;
    private final List<TaskRecord> records = new ArrayList<>();
    private final BlockingQueue<ChunkResult> completionOrder = new LinkedBlockingQueue<>();
    private final CompletableFuture<List<Object>> all = new CompletableFuture<>();
    private final ProgressReporter progress;
    private final Consumer<List<TaskRecord>> timelineSink;
    private int chunksDone;

    Call(String name, Delivery delivery, List<Chunk> chunks, ProgressReporter progress,
         Consumer<List<TaskRecord>> timelineSink) {
        this.name = name;
        this.delivery = delivery;
        this.chunks = chunks;
        this.resultsByChunk = new List<?>[chunks.size()];
        this.progress = progress;
        this.timelineSink = timelineSink;
        if (chunks.isEmpty()) {
            finishSuccessfully();
        }
    }

    /** Registers the future of the chunk at {@code index}; results of failed or cancelled chunks become Failed. */
    void track(int index, CompletableFuture<ChunkResult> future) {
        Chunk chunk = chunks.get(index);
        CompletableFuture<ChunkResult> outcome = future.handle((result, error) -> result != null ? result
                : new ChunkResult.Failed(chunk.firstItem(), "-", unwrap(error), null));
        synchronized (this) {
            submitted.add(future);
            settled.add(outcome);
        }
        outcome.thenAccept(result -> onSettled(index, result));
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    private void onSettled(int index, ChunkResult result) {
        synchronized (this) {
            if (all.isDone()) {
                return;
            }
            completionOrder.add(result);
            if (result instanceof ChunkResult.Done done) {
                records.add(done.record());
                resultsByChunk[index] = done.results();
                progress.advance(done.results().size());
                if (++chunksDone == chunks.size()) {
                    finishSuccessfully();
                }
                return;
            }
        }
        ChunkResult.Failed failed = (ChunkResult.Failed) result;
        fail(toException(failed), lastItemKept(failed));
    }

    /** An ordered iterator still yields the chunks before a failing one, so only those after it are cancelled. */
    private int lastItemKept(ChunkResult.Failed failed) {
        return delivery == Delivery.IN_ORDER ? failed.item() : -1;
    }

    private void finishSuccessfully() {
        List<Object> results = new ArrayList<>();
        for (List<?> chunkResults : resultsByChunk) {
            results.addAll(chunkResults);
        }
        publishTimeline();
        progress.finish(null);
        all.complete(results);
    }

    /**
     * Ends the call with {@code failure}, unless it has ended already, and cancels its chunks after
     * {@code lastItemKept} (-1: all of them, also those an ordered iterator kept after an earlier failure).
     */
    private void fail(RuntimeException failure, int lastItemKept) {
        List<CompletableFuture<ChunkResult>> pending = new ArrayList<>();
        synchronized (this) {
            if (!all.isDone()) {
                publishTimeline();
                progress.finish(failure);
                all.completeExceptionally(failure);
                // wakes an unordered iterator that waits for a chunk which will now never complete
                completionOrder.add(CALL_ENDED);
            }
            for (int i = 0; i < submitted.size(); i++) {
                if (chunks.get(i).firstItem() > lastItemKept) {
                    pending.add(submitted.get(i));
                }
            }
        }
        pending.forEach(f -> f.cancel(true));
    }

    private void publishTimeline() {
        List<TaskRecord> timeline = new ArrayList<>(records);
        timeline.removeIf(java.util.Objects::isNull);
        timeline.sort(Comparator.comparingLong(TaskRecord::startMillis));
        timelineSink.accept(List.copyOf(timeline));
    }

    RuntimeException toException(ChunkResult.Failed failed) {
        if (failed.cause() instanceof CancellationException) {
            return new CancellationException(name + " was cancelled");
        }
        boolean singleTask = delivery == Delivery.ONE_RESULT;
        String what = singleTask ? "the task" : "item " + failed.item();
        String message = failed.cause() instanceof WorkerDiedException died ? died.getMessage()
                : what + " failed on " + failed.worker() + ": " + UserNames.of(failed.cause());
        return new TaskFailedException(name + ": " + message, singleTask ? -1 : failed.item(), failed.cause());
    }

    void cancel() {
        fail(new CancellationException(name + " was cancelled"), -1);
    }

    CompletableFuture<List<Object>> all() {
        return all;
    }

    FutureResult<List<Object>> asResult() {
        return new FutureResult<>(name, all, this::cancel);
    }

    /** Results in item order, each chunk's as soon as it and all before it are done. */
    Iterator<Object> inOrder() {
        return new ChunkIterator() {
            private int next;

            @Override
            ChunkResult nextChunk() throws InterruptedException {
                CompletableFuture<ChunkResult> outcome;
                synchronized (Call.this) {
                    outcome = settled.get(next++);
                }
                try {
                    return outcome.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Results as chunks complete. */
    Iterator<Object> inCompletionOrder() {
        return new ChunkIterator() {
            @Override
            ChunkResult nextChunk() throws InterruptedException {
                ChunkResult result = completionOrder.take();
                if (result == CALL_ENDED) {
                    asResult().get(); // throws the call's failure
                }
                return result;
            }
        };
    }

    private abstract class ChunkIterator implements Iterator<Object> {
        private int chunksTaken;
        private Iterator<?> current = List.of().iterator();

        abstract ChunkResult nextChunk() throws InterruptedException;

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && chunksTaken < chunks.size()) {
                ChunkResult result;
                try {
                    result = nextChunk();
                } catch (InterruptedException e) {
                    cancel();
                    Thread.currentThread().interrupt();
                    throw new CancellationException(name + " was interrupted; its tasks were cancelled");
                }
                chunksTaken++;
                if (result instanceof ChunkResult.Failed failed) {
                    RuntimeException failure = toException(failed);
                    fail(failure, lastItemKept(failed));
                    throw failure; // this chunk's own failure, even if a later chunk failed first
                }
                current = ((ChunkResult.Done) result).results().iterator();
            }
            if (!current.hasNext()) {
                // the last chunk's results can reach an iterator before the call has ended: waiting for that
                // means that once an iterator is used up, the pool's lastTimeline() is this call's
                all.handle((results, failure) -> null).join();
            }
            return current.hasNext();
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
