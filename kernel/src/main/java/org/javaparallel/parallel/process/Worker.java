package org.javaparallel.parallel.process;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.javaparallel.parallel.code.CellInterrupts;
import org.javaparallel.parallel.engine.ChunkExecution;
import org.javaparallel.parallel.engine.ItemFailedException;

/** The worker JVM's side of the protocol: defines shipped classes, sets shipped state, runs chunks one at a time. */
final class Worker {
    private final MessageChannel channel;
    private final CellClassLoader cells = new CellClassLoader(Worker.class.getClassLoader());
    private final List<String> stateErrors = new ArrayList<>();
    private long taskCallId = -1;
    private Function<Object, Object> task;

    Worker(MessageChannel channel) {
        this.channel = channel;
    }

    void serve(BlockingQueue<Message.ToWorker> inbox) throws InterruptedException {
        Thread.currentThread().setContextClassLoader(cells);
        try {
            channel.send(new Message.Started(ProcessHandle.current().pid()));
            while (true) {
                Message.ToWorker message = inbox.take();
                if (message instanceof Message.LoadClasses load) {
                    cells.add(load.classes());
                } else if (message instanceof Message.SetState state) {
                    state.values().forEach(this::assign);
                } else if (message instanceof Message.RunChunk run) {
                    CellInterrupts.clear();
                    channel.send(run(run));
                } else if (message instanceof Message.Exit exit) {
                    flushOutput();
                    System.exit(exit.status());
                }
            }
        } catch (IOException e) {
            Runtime.getRuntime().halt(4); // cannot talk to the kernel any more
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

    @SuppressWarnings("unchecked")
    private Message.FromWorker run(Message.RunChunk run) {
        long start = System.currentTimeMillis();
        try {
            if (!stateErrors.isEmpty()) {
                IllegalStateException failure = new IllegalStateException(String.join("; ", stateErrors));
                stateErrors.clear();
                throw new ItemFailedException(run.firstItem(), failure);
            }
            List<?> items;
            try {
                if (run.task() != null) {
                    task = null;
                    task = (Function<Object, Object>) Payloads.deserialize(run.task(), cells);
                    taskCallId = run.callId();
                } else if (taskCallId != run.callId()) {
                    throw new IllegalStateException("the kernel sent no task for call " + run.callId());
                }
                items = (List<?>) Payloads.deserialize(run.items(), cells);
            } catch (Exception | LinkageError e) {
                throw new ItemFailedException(run.firstItem(), new IllegalStateException(
                        "could not load the task in the worker JVM: " + e, e));
            }
            List<Object> results = ChunkExecution.applyAll(task, run.firstItem(), items);
            byte[] bytes = Payloads.serialize(new ArrayList<>(results));
            flushOutput();
            return new Message.ChunkDone(bytes, start, System.currentTimeMillis(), cpuNanos());
        } catch (ItemFailedException e) {
            flushOutput();
            return failed(e.item(), e.getCause(), start);
        } catch (java.io.NotSerializableException e) {
            flushOutput();
            return failed(run.firstItem(), new IllegalStateException("a result of items from " + run.firstItem()
                    + " is not Serializable (" + e.getMessage() + "): return serializable values", e), start);
        }
    }

    private Message.FromWorker failed(int item, Throwable cause, long start) {
        byte[] failure;
        try {
            failure = Payloads.serialize(cause);
        } catch (Exception e) {
            failure = null;
        }
        return new Message.ChunkFailed(item, failure, cause.toString(), cause.getStackTrace(), start,
                System.currentTimeMillis(), cpuNanos());
    }

    private static void flushOutput() {
        System.out.flush();
        System.err.flush();
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
