package org.javaparallel.parallel.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkResult;

/** Chunks waiting for a worker JVM, in the order they were submitted. Workers take consecutive chunks of one call. */
final class ChunkQueue {
    private final Deque<Pending> waiting = new ArrayDeque<>();

    /** A submitted chunk; its future is done once it ran, failed or was cancelled. */
    record Pending(PreparedTask task, Chunk chunk, Executor callerContext, CompletableFuture<ChunkResult> result) {
    }

    synchronized void add(Pending pending) {
        if (waiting.isEmpty()) {
            notifyAll(); // workers wait only while nothing waits
        }
        waiting.add(pending);
    }

    /** Waits for a chunk, then takes it and as many of its call's chunks after it as the policy allows. */
    synchronized List<Pending> take(BatchPolicy policy, int workers) throws InterruptedException {
        List<Pending> batch;
        while ((batch = poll(null, policy, workers)).isEmpty()) {
            wait();
        }
        return batch;
    }

    /**
     * Takes a batch of call {@code callId}'s chunks if one of them is first in line (any call's if {@code callId}
     * is null); an empty list if not.
     */
    synchronized List<Pending> poll(Long callId, BatchPolicy policy, int workers) {
        dropDoneAtHead();
        Pending head = waiting.peekFirst();
        if (head == null || (callId != null && head.task().callId() != callId)) {
            return List.of();
        }
        int size = policy.size(head.task().callId(), waiting.size(), workers);
        List<Pending> batch = new ArrayList<>(size);
        while (batch.size() < size && !waiting.isEmpty() && waiting.peekFirst().task() == head.task()) {
            batch.add(waiting.removeFirst());
            dropDoneAtHead();
        }
        return batch;
    }

    /** Chunks cancelled while they waited (a call that failed cancels all its chunks) are dropped as they come up. */
    private void dropDoneAtHead() {
        while (!waiting.isEmpty() && waiting.peekFirst().result().isDone()) {
            waiting.removeFirst();
        }
    }

    synchronized List<Pending> drain() {
        List<Pending> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }
}
