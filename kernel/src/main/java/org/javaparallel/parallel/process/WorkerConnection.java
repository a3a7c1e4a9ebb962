package org.javaparallel.parallel.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.code.TopLevelVariable;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkResult;
import org.javaparallel.parallel.engine.WorkerDiedException;

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
    private final Set<String> shippedClasses = new HashSet<>();
    private final Map<TopLevelVariable, Long> shippedVersions = new HashMap<>();
    private long taskCallId = -1;
    private long reportedCpuNanos;
    private volatile boolean dead;

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

    ChunkResult run(PreparedTask task, Chunk chunk, Executor callerContext) {
        long start = System.currentTimeMillis();
        byte[] items;
        try {
            items = Payloads.serialize(new ArrayList<>(chunk.items()));
        } catch (NotSerializableException e) {
            return failedHere(chunk, new IllegalArgumentException("the items are not Serializable (" + e.getMessage()
                    + " is not), so they cannot be sent to worker JVMs"), start);
        }
        try {
            ship(task.cells());
            channel.send(new Message.RunChunk(task.callId(), taskCallId == task.callId() ? null : task.task(),
                    chunk.firstItem(), items));
            taskCallId = task.callId();
            return awaitResult(task, chunk, callerContext);
        } catch (IOException e) {
            return died(chunk, start);
        }
    }

    private void ship(CellShipment cells) throws IOException {
        Map<String, byte[]> missing = new HashMap<>(cells.classes());
        missing.keySet().removeAll(shippedClasses);
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

    private ChunkResult awaitResult(PreparedTask task, Chunk chunk, Executor callerContext) throws IOException {
        long start = System.currentTimeMillis();
        while (true) {
            Message message = channel.receive();
            if (message == null) {
                return died(chunk, start);
            }
            if (message instanceof Message.Output output) {
                callerContext.execute(() -> (output.error() ? System.err : System.out).print(output.text()));
            } else if (message instanceof Message.ChunkDone done) {
                countCpu(done.cpuNanos());
                TaskRecord record = record(chunk, done.startMillis(), done.endMillis());
                try {
                    return new ChunkResult.Done((List<?>) Payloads.deserialize(done.results(), task.resultLoader()),
                            record);
                } catch (ClassNotFoundException | IOException e) {
                    return new ChunkResult.Failed(chunk.firstItem(), name, new IllegalStateException(
                            "the kernel could not read the results of " + chunk.describeItems() + ": " + e, e), record);
                }
            } else if (message instanceof Message.ChunkFailed failed) {
                countCpu(failed.cpuNanos());
                return new ChunkResult.Failed(failed.item(), name, remoteFailure(failed, task.resultLoader()),
                        record(chunk, failed.startMillis(), failed.endMillis()));
            }
        }
    }

    private static Throwable remoteFailure(Message.ChunkFailed failed, ClassLoader loader) {
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

    private ChunkResult failedHere(Chunk chunk, Throwable cause, long start) {
        return new ChunkResult.Failed(chunk.firstItem(), name, cause, record(chunk, start, System.currentTimeMillis()));
    }

    private ChunkResult died(Chunk chunk, long start) {
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
        return failedHere(chunk, new WorkerDiedException("worker JVM " + name + " " + exit + " while running "
                + chunk.describeItems() + "; the pool starts a new worker for the next tasks"
                + (stderr.isEmpty() ? "" : ". Its last error output:\n" + stderr)), start);
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
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the worker is gone; what was read so far is kept
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
