package org.javaparallel.parallel.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.javaparallel.parallel.SerializableFunction;

/**
 * What a backend must do for {@link ChunkedPool}: run chunks of a call on its workers. {@code P} is the task as
 * the backend prepared it once per call (e.g. serialized, with the cell state it needs).
 */
public interface ChunkRunner<P> extends AutoCloseable {
    /**
     * e.g. {@code threads} or {@code processes}.
     *
     * @return the kind, never null
     */
    String kind();

    /**
     * How many workers run chunks at once.
     *
     * @return the number of workers, at least 1
     */
    int workers();

    /**
     * Whether the chunks run in this JVM (see {@link org.javaparallel.parallel.Pool#runsInThisJvm()}).
     *
     * @return true for workers in this JVM, false for workers in other JVMs
     */
    boolean runsInThisJvm();

    /**
     * What is running now, e.g. which worker JVMs are started.
     *
     * @return the state; empty if there is nothing to say
     */
    String state();

    /**
     * Runs on the calling thread before any chunk is submitted, so that errors in the task reach the caller.
     *
     * @param fn the call's function, applied to each item
     * @return the task as this backend ships it
     */
    P prepare(SerializableFunction<Object, Object> fn);

    /**
     * Queues a chunk. The future completes with a {@link ChunkResult} (failures included); cancelling it drops the
     * chunk if it has not started. {@code callerContext} runs actions in the submitting cell's context.
     *
     * @param task what {@link #prepare} returned for the call
     * @param chunk the items to run
     * @param callerContext runs actions in the submitting cell's context
     * @return the chunk's future, which a failure completes normally with {@link ChunkResult.Failed}
     */
    CompletableFuture<ChunkResult> submit(P task, Chunk chunk, Executor callerContext);

    /** Cancels every queued and running chunk (kernel interrupt). */
    void cancelAll();

    @Override
    void close();
}
