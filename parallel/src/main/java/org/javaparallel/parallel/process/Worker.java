package org.javaparallel.parallel.process;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.NotSerializableException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.javaparallel.parallel.engine.ChunkExecution;
import org.javaparallel.parallel.engine.ItemFailedException;

/**
 * The worker JVM's side of the protocol: defines shipped classes, sets shipped state, runs batches of chunks one
 * at a time and answers each with one message.
 */
final class Worker {
    private static final int NOT_RUNNING = -1;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final MessageChannel channel;
    private final LibraryClassLoader libraries = new LibraryClassLoader(Worker.class.getClassLoader());
    private final CellClassLoader cells = new CellClassLoader(libraries);
    private final List<String> stateErrors = new ArrayList<>();
    private long taskCallId = -1;
    private Function<Object, Object> task;
    private volatile int runningItem = NOT_RUNNING;

    Worker(MessageChannel channel) {
        this.channel = channel;
    }

    void serve(WorkerInbox inbox) throws InterruptedException {
        Thread.currentThread().setContextClassLoader(cells);
        Runtime.getRuntime().addShutdownHook(new Thread(this::tellExit, "exit-notice"));
        try {
            while (true) {
                WorkerInbox.Inbound inbound = inbox.take();
                Message.ToWorker message = inbound.message();
                if (message instanceof Message.AddClasspath classpath) {
                    classpath.entries().forEach(libraries::add);
                } else if (message instanceof Message.LoadClasses load) {
                    cells.add(load.classes());
                } else if (message instanceof Message.SetState state) {
                    state.values().forEach(this::assign);
                } else if (message instanceof Message.RunBatch batch) {
                    channel.send(inbox.wasCancelled(inbound) ? skipped() : run(batch));
                } else if (message instanceof Message.Exit exit) {
                    flushOutput();
                    System.exit(exit.status());
                }
            }
        } catch (IOException e) {
            Runtime.getRuntime().halt(4); // cannot talk to the kernel any more
        }
    }

    /** System.exit in code that is not cell code (cell code's is woven into an exception): say which item did it. */
    private void tellExit() {
        int item = runningItem;
        if (item != NOT_RUNNING) {
            try {
                flushOutput();
                channel.send(new Message.Exiting(item));
            } catch (IOException e) {
                // the kernel is gone; nobody to tell
            }
        }
    }

    private void assign(Message.VariableValue variable) {
        try {
            Field field = Class.forName(variable.ownerClass(), true, cells).getDeclaredField(variable.field());
            if (Modifier.isFinal(field.getModifiers())) {
                throw new IllegalStateException("the field is final");
            }
            field.setAccessible(true);
            field.set(null, Payloads.deserialize(variable.value(), cells));
        } catch (Exception | LinkageError e) {
            stateErrors.add("could not set variable '" + variable.name() + "' in the worker JVM: " + e);
        }
    }

    private static Message.BatchDone skipped() {
        return new Message.BatchDone(null, new long[0], new long[0], 0, null, cpuNanos());
    }

    private Message.BatchDone run(Message.RunBatch batch) {
        int[] firstItems = batch.firstItems();
        int[] sizes = batch.sizes();
        List<Object> results = new ArrayList<>();
        int completed = 0;
        long[] starts = new long[firstItems.length];
        long[] ends = new long[firstItems.length];
        Message.ChunkFailure failure = null;
        starts[0] = System.currentTimeMillis();
        long began = System.nanoTime();
        try {
            began += loadTask(batch);
            List<?> items = (List<?>) deserialize(batch.items(), firstItems[0]);
            for (int i = 0, offset = 0; i < firstItems.length; offset += sizes[i], i++) {
                runningItem = firstItems[i];
                starts[i] = System.currentTimeMillis();
                results.addAll(ChunkExecution.applyAll(task, firstItems[i], items.subList(offset, offset + sizes[i])));
                ends[i] = System.currentTimeMillis();
                completed++;
            }
        } catch (ItemFailedException e) {
            failure = failure(e.item(), e.getCause(), starts[completed]);
        } finally {
            runningItem = NOT_RUNNING;
        }
        byte[] bytes;
        try {
            bytes = Payloads.serialize(results);
        } catch (NotSerializableException e) {
            int chunk = firstUnserializable(results, sizes);
            int kept = 0;
            for (int i = 0; i < chunk; i++) {
                kept += sizes[i];
            }
            bytes = serializeKnownGood(results.subList(0, kept));
            completed = chunk;
            failure = failure(firstItems[chunk], new IllegalStateException("a result of the chunk from item "
                    + firstItems[chunk] + " is not Serializable (" + e.getMessage() + "): return serializable values",
                    e), starts[chunk]);
        }
        flushOutput();
        // the batch's whole cost but the task's loading, which only the call's first batch pays
        long handledNanos = System.nanoTime() - began;
        return new Message.BatchDone(bytes, Arrays.copyOf(starts, completed), Arrays.copyOf(ends, completed),
                handledNanos, failure, cpuNanos());
    }

    /** Sets the task of the batch's call if the batch brings it; returns the nanoseconds that took. */
    private long loadTask(Message.RunBatch batch) throws ItemFailedException {
        int firstItem = batch.firstItems()[0];
        if (!stateErrors.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(String.join("; ", stateErrors));
            stateErrors.clear();
            throw new ItemFailedException(firstItem, failure);
        }
        long start = System.nanoTime();
        if (batch.task() != null) {
            task = null;
            task = (Function<Object, Object>) deserialize(batch.task(), firstItem);
            taskCallId = batch.callId();
        } else if (taskCallId != batch.callId()) {
            throw new ItemFailedException(firstItem, new IllegalStateException(
                    "could not load the task in the worker JVM: the kernel sent no task for call " + batch.callId()));
        }
        return System.nanoTime() - start;
    }

    private Object deserialize(byte[] bytes, int firstItem) throws ItemFailedException {
        try {
            return Payloads.deserialize(bytes, cells);
        } catch (Exception | LinkageError e) {
            throw new ItemFailedException(firstItem, new IllegalStateException(
                    "could not load the task in the worker JVM: " + e, e));
        }
    }

    /** The index of the first chunk with a result that cannot be serialized. */
    private static int firstUnserializable(List<Object> results, int[] sizes) {
        for (int i = 0, offset = 0; i < sizes.length && offset < results.size(); offset += sizes[i], i++) {
            try {
                Payloads.serialize(new ArrayList<>(results.subList(offset, offset + sizes[i])));
            } catch (NotSerializableException e) {
                return i;
            }
        }
        throw new IllegalStateException("the results are serializable one by one but not together");
    }

    private static byte[] serializeKnownGood(List<Object> results) {
        try {
            return Payloads.serialize(new ArrayList<>(results));
        } catch (NotSerializableException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message.ChunkFailure failure(int item, Throwable cause, long startMillis) {
        byte[] failure;
        try {
            failure = Payloads.serialize(cause);
        } catch (Exception e) {
            failure = null;
        }
        return new Message.ChunkFailure(item, failure, cause.toString(), cause.getStackTrace(), startMillis,
                System.currentTimeMillis());
    }

    private static void flushOutput() {
        System.out.flush();
        System.err.flush();
    }

    /** Read once per batch: the JVM asks the OS for its process's CPU time, without reading /proc's files. */
    private static long cpuNanos() {
        long nanos = PROCESS.getProcessCpuTime();
        return nanos < 0 ? 0 : nanos;
    }
}
