package org.javaparallel.parallel.process;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the kernel and a worker JVM say to each other over the worker's stdin/stdout. Objects of user classes
 * travel as serialized bytes inside messages, so that a message can always be read and a failure to read its
 * payload is reported against the task that carried it.
 */
public sealed interface Message extends Serializable {
    /** Kernel to worker. */
    sealed interface ToWorker extends Message {
    }

    /** Worker to kernel. */
    sealed interface FromWorker extends Message {
    }

    /** Bytecode of cell classes the worker has not seen yet, by binary class name. */
    record LoadClasses(Map<String, byte[]> classes) implements ToWorker {
    }

    /** Jars or class directories to add to the classpath of cell code, as paths on this machine. */
    record AddClasspath(List<String> entries) implements ToWorker {
    }

    /** Values of top-level variables to assign to the static fields that hold them in the worker. */
    record SetState(List<VariableValue> values) implements ToWorker {
    }

    record VariableValue(String name, String ownerClass, String field, byte[] value) implements Serializable {
    }

    /**
     * Run consecutive chunks of one call, in order. {@code task} is the serialized function, or null when it is the
     * one of the call's previous batch; {@code items} is the serialized list of all the chunks' items, one after
     * the other, and {@code sizes} says how many of them each chunk has.
     */
    record RunBatch(long callId, byte[] task, int[] firstItems, int[] sizes, byte[] items) implements ToWorker {
    }

    /** Stop the running task: cell code (woven with stop checks) throws at its next check. */
    record Cancel() implements ToWorker {
    }

    /** End the worker JVM with this status. */
    record Exit(int status) implements ToWorker {
    }

    /** Text a task printed to System.out ({@code error} false) or System.err. */
    record Output(boolean error, String text) implements FromWorker {
    }

    /** The worker is ending through System.exit while it runs the chunk that starts at {@code runningItem}. */
    record Exiting(int runningItem) implements FromWorker {
    }

    /**
     * How a batch ended. {@code results}: the serialized list of the results of the chunks that completed, one
     * chunk's after the other, and each chunk's start and end; {@code failure}: the chunk after them that failed, if any, which ended the
     * batch. Chunks neither completed nor failed were not run (the batch was cancelled). {@code runNanos}: time
     * spent in the completed chunks; {@code cpuNanos}: CPU time the worker JVM consumed since it started.
     */
    record BatchDone(byte[] results, long[] startMillis, long[] endMillis, long runNanos, ChunkFailure failure,
                     long cpuNanos) implements FromWorker {
    }

    /** {@code failure} is the serialized Throwable, or null if it could not be serialized; {@code description} always set. */
    record ChunkFailure(int item, byte[] failure, String description, StackTraceElement[] stack, long startMillis,
                        long endMillis) implements Serializable {
    }
}
