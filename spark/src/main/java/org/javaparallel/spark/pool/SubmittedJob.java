package org.javaparallel.spark.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.TaskFailedException;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.spi.UserNames;
import scala.concurrent.ExecutionContext$;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * One pool call running as one Spark job with a partition per chunk. Spark hands each partition's result to the
 * driver as its task ends; they are kept as bytes and decoded by the waiting thread, whose loader knows the
 * cells' classes, so results can be read in item order (map, imap) or in completion order (imapUnordered).
 */
final class SubmittedJob {
    private final ClassLoader loader;
    private final boolean singleTask;
    private final int chunks;
    private final byte[][] arrived;
    private final List<Integer> arrivalOrder = new ArrayList<>();
    private final ChunkOutcome[] decoded;
    private final SimpleFutureAction<BoxedUnit> action;
    private Throwable jobError;
    private boolean ended;

    private SubmittedJob(JavaSparkContext jsc, List<Chunk> chunkList, SerializableFunction<Object, Object> fn,
                         ClassLoader loader, boolean singleTask) {
        this.loader = loader;
        this.singleTask = singleTask;
        this.chunks = chunkList.size();
        this.arrived = new byte[chunks][];
        this.decoded = new ChunkOutcome[chunks];
        List<byte[]> encoded = chunkList.stream().map(Payload::encode).toList();
        JavaRDD<byte[]> rdd = jsc.parallelize(encoded, Math.max(1, chunks));
        List<Object> partitions = IntStream.range(0, chunks).boxed().map(Object.class::cast).toList();
        action = jsc.sc().submitJob(rdd.rdd(), new PartitionRunner(fn),
                scala.jdk.javaapi.CollectionConverters.asScala(partitions).toSeq(),
                new ResultHandler(this), new NoValue());
        action.onComplete(new EndHandler(this), ExecutionContext$.MODULE$.fromExecutor(Runnable::run));
    }

    /** {@code singleTask}: an {@code apply}, whose failure names no item. */
    static SubmittedJob submit(JavaSparkContext jsc, List<Chunk> chunks, SerializableFunction<Object, Object> fn,
                               ClassLoader loader, boolean singleTask) {
        return new SubmittedJob(jsc, chunks, fn, loader, singleTask);
    }

    int chunkCount() {
        return chunks;
    }

    private synchronized void chunkArrived(int partition, byte[] outcome) {
        arrived[partition] = outcome;
        arrivalOrder.add(partition);
        notifyAll();
    }

    private synchronized void jobEnded(Throwable error) {
        jobError = error;
        ended = true;
        notifyAll();
    }

    synchronized boolean isDone() {
        return ended || arrivalOrder.size() == chunks;
    }

    /** The outcome of chunk {@code index}, waiting for it; a failed item or job is thrown. */
    synchronized ChunkOutcome awaitChunk(int index) {
        while (arrived[index] == null) {
            awaitChange();
        }
        return outcome(index);
    }

    /** The outcome of the {@code n}-th chunk to finish. */
    synchronized ChunkOutcome awaitArrival(int n) {
        while (arrivalOrder.size() <= n) {
            awaitChange();
        }
        return outcome(arrivalOrder.get(n));
    }

    /** Every chunk's results in item order; the first failure to arrive cancels the rest and is thrown. */
    List<Object> awaitAll() {
        List<Object> results = new ArrayList<>();
        for (int n = 0; n < chunks; n++) {
            ChunkOutcome outcome = awaitArrival(n);
            if (outcome.failure() != null) {
                throw failure(outcome.failure());
            }
        }
        for (int index = 0; index < chunks; index++) {
            results.addAll(outcome(index).results());
        }
        return results;
    }

    synchronized void awaitEnd(long timeout, TimeUnit unit) throws TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("the Spark job has not finished yet");
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Spark job", e);
            }
        }
    }

    /** Where each task ran, in item order; complete once every chunk has arrived. */
    synchronized List<TaskRecord> timeline() {
        List<TaskRecord> records = new ArrayList<>();
        for (int index = 0; index < chunks; index++) {
            if (arrived[index] != null) {
                records.add(outcome(index).record());
            }
        }
        records.sort(Comparator.comparingInt(TaskRecord::firstItem));
        return records;
    }

    void cancel() {
        action.cancel();
    }

    /** Cancels the tasks still running and names the failed item (or, for apply, the one task). */
    TaskFailedException failure(ChunkOutcome.Failure failure) {
        cancel();
        Throwable error = failure.error();
        String what = singleTask ? "the task" : "item " + failure.item();
        return new TaskFailedException(what + " failed on " + failure.worker() + ": " + UserNames.of(error),
                singleTask ? -1 : failure.item(), error);
    }

    private synchronized ChunkOutcome outcome(int index) {
        if (decoded[index] == null) {
            decoded[index] = Payload.decode(arrived[index], loader);
        }
        return decoded[index];
    }

    private void awaitChange() {
        if (ended && jobError != null) {
            throw new IllegalStateException("the Spark job failed: " + UserNames.inText(jobError.getMessage()),
                    jobError);
        }
        if (ended && arrivalOrder.size() < chunks) {
            throw new IllegalStateException("the Spark job ended without the results of every chunk");
        }
        try {
            wait();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: the Spark job was cancelled", e);
        }
    }

    /** Runs on Spark's scheduler thread: keeps the bytes, decoding would hold up the scheduler. */
    private static final class ResultHandler extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final SubmittedJob job;

        ResultHandler(SubmittedJob job) {
            this.job = job;
        }

        @Override
        public BoxedUnit apply(Object partition, byte[] outcome) {
            job.chunkArrived((Integer) partition, outcome);
            return BoxedUnit.UNIT;
        }
    }

    private static final class EndHandler extends AbstractFunction1<Try<BoxedUnit>, BoxedUnit> {
        private final SubmittedJob job;

        EndHandler(SubmittedJob job) {
            this.job = job;
        }

        @Override
        public BoxedUnit apply(Try<BoxedUnit> result) {
            job.jobEnded(result.isFailure() ? result.failed().get() : null);
            return BoxedUnit.UNIT;
        }
    }

    private static final class NoValue extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
