package org.javaparallel.parallel.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.javaparallel.parallel.SerializableFunction;

/**
 * What a backend must do for {@link ChunkedPool}: run chunks of a call on its workers. {@code P} is the task as
 * the backend prepared it once per call (e.g. serialized, with the cell state it needs).
 */
public interface ChunkRunner<P> extends AutoCloseable {
    /** e.g. {@code threads} or {@code processes}. */
    String kind();

    int workers();

    /** What is running now, e.g. which worker JVMs are started. */
    String state();

    /** Runs on the calling thread before any chunk is submitted, so that errors in the task reach the caller. */
    P prepare(SerializableFunction<Object, Object> fn);

    /**
     * Queues a chunk. The future completes with a {@link ChunkResult} (failures included); cancelling it drops the
     * chunk if it has not started. {@code callerContext} runs actions in the submitting cell's context.
     */
    CompletableFuture<ChunkResult> submit(P task, Chunk chunk, Executor callerContext);

    /** Cancels every queued and running chunk (kernel interrupt). */
    void cancelAll();

    @Override
    void close();
}
