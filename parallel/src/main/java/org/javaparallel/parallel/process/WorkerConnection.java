package org.javaparallel.parallel.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkResult;
import org.javaparallel.parallel.engine.WorkerDiedException;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.javaparallel.parallel.spi.UserNames;
import org.javaparallel.parallel.spi.WorkerClasspath;
import org.javaparallel.parallel.spi.WorkerCpu;

/**
 * The kernel's side of one worker JVM: ships what the worker lacks, runs chunks on it, relays what tasks print
 * to the calling cell, and turns the worker's death into a clear failure of the chunk it was running.
 */
final class WorkerConnection implements AutoCloseable {
    private static final int STDERR_LINES_KEPT = 15;
    private static final long EXIT_GRACE_MILLIS = 1000;

    private final String name;
    private final Process process;
    private final MessageChannel channel;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    /** WorkerClasspath only grows, in order: the worker has its first entries. */
    private int shippedClasspathEntries;
    private final Set<String> shippedClasses = new HashSet<>();
    private final Map<TopLevelVariable, Long> shippedVersions = new HashMap<>();
    private long taskCallId = -1;
    private long reportedCpuNanos;
    private volatile boolean dead;
    private boolean synced;

    private WorkerConnection(String slot, Process process) {
        this.name = slot + " (pid " + process.pid() + ")";
        this.process = process;
        this.channel = new MessageChannel(process.getInputStream(), process.getOutputStream());
        Thread stderrReader = new Thread(this::keepStderrTail, "stderr-" + name);
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    static WorkerConnection start(String slot, WorkerCommand command) throws IOException {
        return new WorkerConnection(slot, command.start());
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return !dead && process.isAlive();
    }

    /** Runs one chunk and waits for it. */
    ChunkResult run(PreparedTask task, Chunk chunk, Executor callerContext) {
        List<Chunk> chunks = List.of(chunk);
        BatchOutcome outcome;
        try {
            send(task, chunks);
            outcome = awaitBatch(task, chunks, callerContext);
        } catch (NotSerializableException e) {
            outcome = notSerializable(chunks, e);
        } catch (IOException gone) {
            outcome = awaitBatch(task, chunks, callerContext); // reads how the worker ended
        }
        return outcome.settled().getOrDefault(0, new ChunkResult.Failed(chunk.firstItem(), name,
                new CancellationException("the chunk was not run"), null));
    }

    /**
     * Sends consecutive chunks of one call to run in one go, after what the worker lacks of the cells. The worker
     * answers batches in the order they were sent; {@link #awaitBatch} reads the answer.
     *
     * @throws NotSerializableException if an item cannot be serialized; nothing was sent
     * @throws IOException if the worker is gone
     */
    void send(PreparedTask task, List<Chunk> chunks) throws IOException {
        List<Object> items = new ArrayList<>();
        int[] firstItems = new int[chunks.size()];
        int[] sizes = new int[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            items.addAll(chunks.get(i).items());
            firstItems[i] = chunks.get(i).firstItem();
            sizes[i] = chunks.get(i).items().size();
        }
        byte[] serializedItems = Payloads.serialize(items);
        boolean newCall = taskCallId != task.callId();
        if (newCall) {
            ship(task.cells()); // once per call: what a call needs does not change while it runs
        }
        channel.send(new Message.RunBatch(task.callId(), newCall ? task.task() : null, firstItems, sizes,
                serializedItems));
        taskCallId = task.callId();
    }

    /**
     * How a batch's chunks ended, by their index in the batch. A chunk without a result did not run: the batch was
     * cancelled, or it stopped at an earlier chunk's failure.
     */
    record BatchOutcome(Map<Integer, ChunkResult> settled, long handledNanos) {
        static final BatchOutcome NOT_RUN = new BatchOutcome(Map.of(), 0);

        static BatchOutcome of(int index, ChunkResult result) {
            return new BatchOutcome(Map.of(index, result), 0);
        }

        int completedChunks() {
            return (int) settled.values().stream().filter(ChunkResult.Done.class::isInstance).count();
        }
    }

    /** Waits for the answer to the earliest batch sent and not yet awaited; relays what its tasks print. */
    BatchOutcome awaitBatch(PreparedTask task, List<Chunk> chunks, Executor callerContext) {
        if (dead) {
            return BatchOutcome.NOT_RUN; // its death was blamed on the batch that ran when it died, or it was killed
        }
        long start = System.currentTimeMillis();
        Integer exitingItem = null;
        try {
            if (!synced) {
                String printedBeforeMain = channel.skipToPreamble();
                if (printedBeforeMain != null && !printedBeforeMain.isBlank()) {
                    keepStderr(printedBeforeMain.strip());
                }
                synced = printedBeforeMain != null;
            }
            while (!dead && synced) {
                Message message = channel.receive();
                if (message == null) {
                    break;
                }
                if (message instanceof Message.Output output) {
                    callerContext.execute(() -> (output.error() ? System.err : System.out).print(output.text()));
                } else if (message instanceof Message.Exiting exiting) {
                    exitingItem = exiting.runningItem();
                } else if (message instanceof Message.BatchDone done) {
                    return outcome(done, task, chunks);
                }
            }
        } catch (IOException e) {
            // the worker is gone: said below
        }
        return died(chunks, exitingItem, start);
    }

    private BatchOutcome outcome(Message.BatchDone done, PreparedTask task, List<Chunk> chunks) {
        countCpu(done.cpuNanos());
        Map<Integer, ChunkResult> settled = new HashMap<>();
        int completed = done.startMillis().length;
        if (completed > 0) {
            List<?> results;
            try {
                results = (List<?>) Payloads.deserialize(done.results(), task.resultLoader());
            } catch (ClassNotFoundException | IOException e) {
                Chunk first = chunks.get(0);
                return BatchOutcome.of(0, new ChunkResult.Failed(first.firstItem(), name, new IllegalStateException(
                        "the kernel could not read the results of " + describe(chunks.subList(0, completed)) + ": "
                                + e, e), record(first, done.startMillis()[0], done.endMillis()[completed - 1])));
            }
            for (int i = 0, offset = 0; i < completed; offset += chunks.get(i).items().size(), i++) {
                settled.put(i, new ChunkResult.Done(results.subList(offset, offset + chunks.get(i).items().size()),
                        record(chunks.get(i), done.startMillis()[i], done.endMillis()[i])));
            }
        }
        Message.ChunkFailure failure = done.failure();
        if (failure != null) {
            settled.put(completed, new ChunkResult.Failed(failure.item(), name,
                    remoteFailure(failure, task.resultLoader()),
                    record(chunks.get(completed), failure.startMillis(), failure.endMillis())));
        }
        return new BatchOutcome(settled, done.handledNanos());
    }

    private static String describe(List<Chunk> chunks) {
        Chunk first = chunks.get(0);
        Chunk last = chunks.get(chunks.size() - 1);
        return chunks.size() == 1 ? first.describeItems()
                : "items " + first.firstItem() + ".." + (last.firstItem() + last.items().size() - 1);
    }

    private void ship(CellShipment cells) throws IOException {
        List<Path> classpath = WorkerClasspath.entries();
        if (classpath.size() > shippedClasspathEntries) {
            channel.send(new Message.AddClasspath(classpath.subList(shippedClasspathEntries, classpath.size()).stream()
                    .map(Path::toString).collect(Collectors.toList())));
            shippedClasspathEntries = classpath.size();
        }
        Map<String, byte[]> missing = new HashMap<>();
        cells.classes().forEach((name, bytes) -> {
            if (!shippedClasses.contains(name)) {
                missing.put(name, bytes);
            }
        });
        if (!missing.isEmpty()) {
            channel.send(new Message.LoadClasses(missing));
            shippedClasses.addAll(missing.keySet());
        }
        List<Message.VariableValue> stale = new ArrayList<>();
        cells.values().forEach((variable, value) -> {
            if (!Long.valueOf(cells.stateVersion()).equals(shippedVersions.get(variable))) {
                stale.add(new Message.VariableValue(variable.name(), variable.ownerClass(), variable.field(), value));
                shippedVersions.put(variable, cells.stateVersion());
            }
        });
        if (!stale.isEmpty()) {
            channel.send(new Message.SetState(stale));
        }
    }

    private static Throwable remoteFailure(Message.ChunkFailure failed, ClassLoader loader) {
        if (failed.failure() != null) {
            try {
                return (Throwable) Payloads.deserialize(failed.failure(), loader);
            } catch (ClassNotFoundException | IOException | ClassCastException e) {
                // fall back to the description below
            }
        }
        return new RemoteException(failed.description(), failed.stack());
    }

    private void countCpu(long cumulativeNanos) {
        WorkerCpu.add(cumulativeNanos - reportedCpuNanos);
        reportedCpuNanos = Math.max(reportedCpuNanos, cumulativeNanos);
    }

    private TaskRecord record(Chunk chunk, long startMillis, long endMillis) {
        return new TaskRecord(name, chunk.firstItem(), chunk.items().size(), startMillis, endMillis);
    }

    /** Items that cannot be sent fail the batch's first chunk; the call fails with it. */
    BatchOutcome notSerializable(List<Chunk> chunks, NotSerializableException e) {
        Chunk first = chunks.get(0);
        long now = System.currentTimeMillis();
        return BatchOutcome.of(0, new ChunkResult.Failed(first.firstItem(), name, new IllegalArgumentException(
                "the items are not Serializable (" + UserNames.inText(e.getMessage())
                        + " is not), so they cannot be sent to worker JVMs"),
                record(first, now, now)));
    }

    /**
     * The worker died while it ran {@code chunks} (or could not be reached to run them). {@code exitingItem}: the
     * item it said it was running when it called System.exit, if it did; else the batch as a whole is to blame.
     */
    private BatchOutcome died(List<Chunk> chunks, Integer exitingItem, long start) {
        dead = true;
        String exit;
        try {
            if (process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                exit = describeExit(process.exitValue());
            } else {
                process.destroyForcibly();
                exit = "stopped answering and was killed";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            exit = "was stopped";
        }
        String stderr = stderrTail();
        int index = exitingItem == null ? 0 : indexOfChunkWith(exitingItem, chunks);
        List<Chunk> blamed = exitingItem == null ? chunks : List.of(chunks.get(index));
        WorkerDiedException cause = new WorkerDiedException("worker JVM " + name + " " + exit + " while running "
                + describe(blamed) + "; the pool starts a new worker for the next tasks"
                + (stderr.isEmpty() ? "" : ". Its last error output:\n" + stderr));
        Chunk chunk = chunks.get(index);
        return BatchOutcome.of(index, new ChunkResult.Failed(chunk.firstItem(), name, cause,
                record(chunk, start, System.currentTimeMillis())));
    }

    private static int indexOfChunkWith(int item, List<Chunk> chunks) {
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            if (item >= chunk.firstItem() && item < chunk.firstItem() + chunk.items().size()) {
                return i;
            }
        }
        return 0;
    }

    private static String describeExit(int code) {
        if (code > 128 && code < 160) {
            return "was killed by signal " + (code - 128) + (code == 137 ? " (SIGKILL, e.g. kill -9 or out of memory)" : "");
        }
        return "exited with code " + code + (code == 3 ? " (out of memory)" : " (e.g. System.exit in the task)");
    }

    private void keepStderrTail() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                keepStderr(line);
            }
        } catch (IOException e) {
            // the worker is gone; what was read so far is kept
        }
    }

    private void keepStderr(String lines) {
        synchronized (stderrTail) {
            lines.lines().forEach(stderrTail::addLast);
            while (stderrTail.size() > STDERR_LINES_KEPT) {
                stderrTail.removeFirst();
            }
        }
    }

    private String stderrTail() {
        try {
            // the stderr reader may still be catching up with the worker's last words
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    /** Asks the worker to end with {@code status} and returns the exit code it ended with. */
    int exit(int status) throws InterruptedException {
        try {
            channel.send(new Message.Exit(status));
        } catch (IOException e) {
            // it has already ended; its exit code says how
        }
        return exitCode();
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
            close();
        }
        return process.waitFor();
    }

    /** Asks the running task to stop; only cell code checks for that, so the caller kills the worker if it goes on. */
    void requestStop() {
        try {
            channel.send(new Message.Cancel());
        } catch (IOException e) {
            kill();
        }
    }

    /** Ends the worker now (kernel interrupt); the chunk it runs fails and the pool starts a new worker later. */
    void kill() {
        dead = true;
        process.destroyForcibly();
    }

    @Override
    public void close() {
        dead = true;
        try {
            channel.close(); // the worker sees its stdin end and halts
            if (!process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
