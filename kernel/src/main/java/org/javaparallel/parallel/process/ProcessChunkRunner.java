package org.javaparallel.parallel.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkResult;
import org.javaparallel.parallel.engine.ChunkRunner;

/**
 * Runs chunks on worker JVMs. Each of the {@code n} slots owns at most one worker, started when the slot takes its
 * first chunk and kept warm across calls; a worker that died is replaced when its slot takes the next chunk.
 */
public final class ProcessChunkRunner implements ChunkRunner<PreparedTask> {
    private static final long WORKER_STOP_MILLIS = 3000;
    private static final long STOP_GRACE_MILLIS = 1000;

    private final WorkerCommand command = WorkerCommand.forThisJvm();
    private final CellPacker packer = new CellPacker();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Slot> slots = new ArrayList<>();
    private volatile boolean closed;

    private record Pending(PreparedTask task, Chunk chunk, Executor callerContext,
                           CompletableFuture<ChunkResult> result) {
    }

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
        queue.add(new Pending(task, chunk, callerContext, result));
        return result;
    }

    @Override
    public void cancelAll() {
        List<Pending> queued = new ArrayList<>();
        queue.drainTo(queued);
        queued.forEach(p -> p.result().cancel(false));
        slots.forEach(Slot::cancelRunning);
    }

    @Override
    public void close() {
        closed = true;
        cancelAll();
        slots.forEach(Slot::close);
    }

    /** One worker place: a thread that feeds chunks from the queue to its worker JVM. */
    private final class Slot {
        private final String name;
        private Thread thread;
        private volatile WorkerConnection worker;
        private volatile Pending running;

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
            while (!closed) {
                Pending next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (next.result().isDone()) {
                    continue; // cancelled while queued
                }
                running = next;
                next.result().complete(run(next));
                running = null;
            }
        }

        private ChunkResult run(Pending pending) {
            if (closed) {
                return new ChunkResult.Failed(pending.chunk().firstItem(), name,
                        new CancellationException("the pool was closed"), null);
            }
            try {
                WorkerConnection current = worker;
                if (current == null || !current.alive()) {
                    if (current != null) {
                        current.close();
                    }
                    current = WorkerConnection.start(name, command);
                    worker = current;
                }
                return current.run(pending.task(), pending.chunk(), pending.callerContext());
            } catch (IOException e) {
                return new ChunkResult.Failed(pending.chunk().firstItem(), name,
                        new IllegalStateException("could not start a worker JVM (" + String.join(" ",
                                command.arguments().subList(0, 1)) + "): " + e, e), null);
            }
        }

        String describe() {
            WorkerConnection current = worker;
            return current != null && current.alive() ? current.name() : "";
        }

        /** Asks the worker to stop the running task and kills it if the task is still running after a grace. */
        void cancelRunning() {
            Pending current = running;
            WorkerConnection connection = worker;
            if (current == null || connection == null) {
                return;
            }
            current.result().completeExceptionally(new CancellationException("cancelled"));
            connection.requestStop();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(STOP_GRACE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (running == current) {
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
