package org.javaparallel.spark.pool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskKilledException;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkExecution;
import org.javaparallel.parallel.engine.ItemFailedException;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/** Runs on an executor: applies the function to the items of the partition's one chunk. */
final class PartitionRunner extends AbstractFunction1<Iterator<byte[]>, byte[]> implements Serializable {
    private final SerializableFunction<Object, Object> fn;

    PartitionRunner(SerializableFunction<Object, Object> fn) {
        this.fn = fn;
    }

    @Override
    public byte[] apply(Iterator<byte[]> partition) {
        long start = System.currentTimeMillis();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Chunk chunk = Payload.decode(partition.next(), loader);
        String worker = workerName();
        List<Object> results = List.of();
        ChunkOutcome.Failure failure = null;
        try {
            results = ChunkExecution.applyAll(item -> {
                TaskContext.get().killTaskIfInterrupted();
                return fn.apply(item);
            }, chunk.firstItem(), chunk.items());
        } catch (ItemFailedException failed) {
            if (failed.getCause() instanceof TaskKilledException killed) {
                throw killed;
            }
            failure = new ChunkOutcome.Failure(failed.item(), sendable(failed.getCause()), worker);
        }
        TaskRecord record = new TaskRecord(worker, chunk.firstItem(), chunk.items().size(), start,
                System.currentTimeMillis());
        return Payload.encode(new ChunkOutcome(results, failure, record));
    }

    private static String workerName() {
        String executor = SparkEnv.get().executorId();
        return "driver".equals(executor) ? "local executor" : "executor " + executor;
    }

    /** The error itself if it can travel, else a stand-in with its type, message and stack. */
    private static Throwable sendable(Throwable error) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(error);
            return error;
        } catch (NotSerializableException e) {
            RuntimeException standIn = new RuntimeException(error.toString());
            standIn.setStackTrace(error.getStackTrace());
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
