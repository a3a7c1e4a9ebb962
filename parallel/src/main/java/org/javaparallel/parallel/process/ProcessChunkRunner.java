package org.javaparallel.parallel.process;

import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkResult;
import org.javaparallel.parallel.engine.ChunkRunner;

/**
 * Runs chunks on worker JVMs. Each of the {@code n} slots owns at most one worker, started when the slot takes its
 * first chunk and kept warm across calls; a worker that died is replaced when its slot takes the next chunk.
 * Chunks that run fast travel in batches, and a slot sends the next batch before the current one is back (see
 * {@link BatchPolicy}); results, failures and the timeline stay per chunk.
 */
public final class ProcessChunkRunner implements ChunkRunner<PreparedTask> {
    private static final long WORKER_STOP_MILLIS = 3000;
    private static final long STOP_GRACE_MILLIS = 1000;
    private static final int BATCHES_IN_FLIGHT = 2;

    private final WorkerCommand command = WorkerCommand.forThisJvm();
    private final CellPacker packer = new CellPacker();
    private final ChunkQueue queue = new ChunkQueue();
    private final List<Slot> slots = new ArrayList<>();
    private volatile boolean closed;

    /**
     * A runner with {@code workers} worker JVMs, started when first needed.
     *
     * @param workers the number of worker JVMs, at least 1
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public ProcessChunkRunner(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a process pool needs at least 1 worker JVM, got " + workers);
        }
        for (int i = 1; i <= workers; i++) {
            slots.add(new Slot("jvm-" + i));
        }
    }

    @Override
    public String kind() {
        return "processes";
    }

    @Override
    public int workers() {
        return slots.size();
    }

    @Override
    public boolean runsInThisJvm() {
        return false;
    }

    @Override
    public String state() {
        List<String> running = slots.stream().map(Slot::describe).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        return running.size() + " of " + slots.size() + " worker JVMs started"
                + (running.isEmpty() ? "" : ": " + String.join(", ", running));
    }

    @Override
    public PreparedTask prepare(SerializableFunction<Object, Object> fn) {
        return PreparedTask.prepare(fn, packer);
    }

    @Override
    public CompletableFuture<ChunkResult> submit(PreparedTask task, Chunk chunk, Executor callerContext) {
        if (closed) {
            throw new IllegalStateException("the process pool is closed");
        }
        slots.forEach(Slot::startThread);
        CompletableFuture<ChunkResult> result = new CompletableFuture<>();
        queue.add(new ChunkQueue.Pending(task, chunk, callerContext, result));
        return result;
    }

    @Override
    public void cancelAll() {
        queue.drain().forEach(p -> p.result().cancel(false));
        slots.forEach(Slot::cancelRunning);
    }

    @Override
    public void close() {
        closed = true;
        cancelAll();
        slots.forEach(Slot::close);
    }

    /** Chunks of one call sent to a worker in one message. */
    private record Batch(List<ChunkQueue.Pending> pending, List<Chunk> chunks) {
        Batch(List<ChunkQueue.Pending> pending) {
            this(pending, pending.stream().map(ChunkQueue.Pending::chunk).collect(Collectors.toList()));
        }

        PreparedTask task() {
            return pending.get(0).task();
        }

        /** Every chunk's future is done: the call was cancelled or failed while the batch waited. */
        boolean abandoned() {
            return pending.stream().allMatch(p -> p.result().isDone());
        }

        void cancel() {
            pending.forEach(p -> p.result().cancel(false));
        }

        Executor callerContext() {
            return pending.get(0).callerContext();
        }

        long callId() {
            return task().callId();
        }
    }

    /** One worker place: a thread that feeds batches from the queue to its worker JVM and settles their chunks. */
    private final class Slot {
        private final String name;
        private final BatchPolicy policy = new BatchPolicy();
        private final Deque<Batch> inFlight = new ConcurrentLinkedDeque<>();
        private volatile Batch sending;
        private Thread thread;
        private volatile WorkerConnection worker;

        Slot(String name) {
            this.name = name;
        }

        synchronized void startThread() {
            if (thread == null && !closed) {
                thread = new Thread(this::serve, "pool-" + name);
                thread.setDaemon(true);
                thread.start();
            }
        }

        private void serve() {
            try {
                while (!closed) {
                    Batch next = nextBatch();
                    if (next != null) {
                        send(next);
                    } else {
                        settle(inFlight.peekFirst());
                    }
                }
            } catch (InterruptedException e) {
                // the pool is closing
            }
        }

        /** A batch to send now, or null when the slot should wait for the answer to the batch in flight. */
        private Batch nextBatch() throws InterruptedException {
            Batch last = inFlight.peekLast();
            List<ChunkQueue.Pending> taken;
            if (last == null) {
                taken = queue.take(policy, slots.size());
            } else if (inFlight.size() < BATCHES_IN_FLIGHT && policy.mayPipeline(last.callId())) {
                taken = queue.poll(last.callId(), policy, slots.size());
            } else {
                taken = List.of();
            }
            return taken.isEmpty() ? null : new Batch(taken);
        }

        private void send(Batch batch) {
            if (closed) {
                batch.cancel();
                return;
            }
            List<Chunk> chunks = batch.chunks();
            sending = batch; // a cancel from now on reaches it: starting a worker takes a while
            try {
                WorkerConnection connection = connection();
                if (batch.abandoned()) {
                    return;
                }
                inFlight.addLast(batch);
                try {
                    connection.send(batch.task(), chunks);
                } catch (NotSerializableException e) {
                    inFlight.removeLast();
                    complete(batch, connection.notSerializable(chunks, e));
                } catch (IOException gone) {
                    // the worker died: the batch settles after those sent before it, so that the death is blamed on
                    // the chunk that ran then, not on this one
                }
            } catch (IOException e) {
                ChunkResult failure = new ChunkResult.Failed(chunks.get(0).firstItem(), name,
                        new IllegalStateException("could not start a worker JVM (" + command.arguments().get(0)
                                + "): " + e, e), null);
                complete(batch, WorkerConnection.BatchOutcome.of(0, failure));
            } finally {
                sending = null;
            }
        }

        /**
         * The worker to send to: a new one when there is none or it died, unless batches are in flight to the one
         * that died (sending to it then fails, and so does the batch, like those in flight). Called before the
         * batch to send is in flight.
         */
        private WorkerConnection connection() throws IOException {
            WorkerConnection current = worker;
            if (current == null || (!current.alive() && inFlight.isEmpty())) {
                if (current != null) {
                    current.close();
                }
                current = WorkerConnection.start(name, command);
                worker = current;
            }
            return current;
        }

        private void settle(Batch batch) {
            WorkerConnection.BatchOutcome outcome = worker.awaitBatch(batch.task(), batch.chunks(),
                    batch.callerContext());
            policy.observe(batch.callId(), outcome.completedChunks(), outcome.handledNanos());
            inFlight.removeFirst();
            complete(batch, outcome);
        }

        /** Settles every chunk of the batch: those the outcome has no result for did not run. */
        private void complete(Batch batch, WorkerConnection.BatchOutcome outcome) {
            for (int i = 0; i < batch.pending().size(); i++) {
                ChunkResult result = outcome.settled().get(i);
                if (result != null) {
                    batch.pending().get(i).result().complete(result);
                }
            }
            // after the results, so that a call sees a chunk's failure before the chunks it kept from running
            List<ChunkQueue.Pending> notRun = batch.pending().stream().filter(p -> !p.result().isDone())
                    .collect(Collectors.toList());
            if (!notRun.isEmpty()) {
                CancellationException notRunReason = new CancellationException("not run: the worker stopped its batch");
                notRun.forEach(p -> p.result().completeExceptionally(notRunReason));
            }
        }

        String describe() {
            WorkerConnection current = worker;
            return current != null && current.alive() ? current.name() : "";
        }

        /** Asks the worker to stop what it runs and skip what it was sent; kills it if it is still busy after a grace. */
        void cancelRunning() {
            Batch starting = sending;
            if (starting != null) {
                starting.cancel();
            }
            inFlight.forEach(Batch::cancel);
            Batch current = inFlight.peekFirst();
            WorkerConnection connection = worker;
            if (current == null || connection == null) {
                return;
            }
            connection.requestStop();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(STOP_GRACE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (inFlight.peekFirst() == current) {
                    connection.kill();
                }
            }, "stop-" + name);
            killer.setDaemon(true);
            killer.start();
        }

        synchronized void close() {
            if (thread == null) {
                return;
            }
            thread.interrupt();
            closeWorker();
            try {
                thread.join(WORKER_STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeWorker(); // in case the thread started one just before it saw the pool close
        }

        private void closeWorker() {
            WorkerConnection current = worker;
            if (current != null) {
                current.close();
            }
        }
    }
}
