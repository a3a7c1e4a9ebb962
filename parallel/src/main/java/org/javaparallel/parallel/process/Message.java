package org.javaparallel.parallel.process;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the kernel and a worker JVM say to each other over the worker's stdin/stdout. Objects of user classes
 * travel as serialized bytes inside messages, so that a message can always be read and a failure to read its
 * payload is reported against the task that carried it.
 *
 * @serial exclude
 */
public sealed interface Message extends Serializable {
    /** Kernel to worker. */
    sealed interface ToWorker extends Message {
    }

    /** Worker to kernel. */
    sealed interface FromWorker extends Message {
    }

    /**
     * Bytecode of cell classes the worker has not seen yet, by binary class name.
     *
     * @param classes the bytecode by binary class name
     * @serial exclude
     */
    record LoadClasses(Map<String, byte[]> classes) implements ToWorker {
    }

    /**
     * Jars or class directories to add to the classpath of cell code, as paths on this machine.
     *
     * @param entries the absolute paths of the jars and directories
     * @serial exclude
     */
    record AddClasspath(List<String> entries) implements ToWorker {
    }

    /**
     * Values of top-level variables to assign to the static fields that hold them in the worker.
     *
     * @param values the variables' values
     * @serial exclude
     */
    record SetState(List<VariableValue> values) implements ToWorker {
    }

    /**
     * The value of one top-level variable.
     *
     * @param name the variable's name in the cell
     * @param ownerClass the binary name of the class whose static field holds it
     * @param field the name of that field
     * @param value the serialized value
     * @serial exclude
     */
    record VariableValue(String name, String ownerClass, String field, byte[] value) implements Serializable {
    }

    /**
     * Run consecutive chunks of one call, in order. {@code task} is the serialized function, or null when it is the
     * one of the call's previous batch; {@code items} is the serialized list of all the chunks' items, one after
     * the other, and {@code sizes} says how many of them each chunk has.
     *
     * @param callId the call the chunks belong to
     * @param task the serialized function, or null to reuse the previous batch's
     * @param firstItems each chunk's first item in the call
     * @param sizes each chunk's number of items
     * @param items the serialized items of all the chunks
     * @serial exclude
     */
    record RunBatch(long callId, byte[] task, int[] firstItems, int[] sizes, byte[] items) implements ToWorker {
    }

    /**
     * Stop the running task: cell code (woven with stop checks) throws at its next check.
     *
     * @serial exclude
     */
    record Cancel() implements ToWorker {
    }

    /**
     * End the worker JVM with this status.
     *
     * @param status the exit status
     * @serial exclude
     */
    record Exit(int status) implements ToWorker {
    }

    /**
     * Text a task printed to System.out ({@code error} false) or System.err.
     *
     * @param error whether it went to System.err
     * @param text the text
     * @serial exclude
     */
    record Output(boolean error, String text) implements FromWorker {
    }

    /**
     * The worker is ending through System.exit while it runs the chunk that starts at {@code runningItem}.
     *
     * @param runningItem the first item of the chunk that runs
     * @serial exclude
     */
    record Exiting(int runningItem) implements FromWorker {
    }

    /**
     * How a batch ended. {@code results}: the serialized list of the results of the chunks that completed, one
     * chunk's after the other, and each chunk's start and end; {@code failure}: the chunk after them that failed, if any, which ended the
     * batch. Chunks neither completed nor failed were not run (the batch was cancelled). {@code handledNanos}: what
     * the batch cost the worker (items read, chunks run, results written) but loading its call's task, which only
     * the call's first batch on a worker pays; {@code cpuNanos}: CPU time the worker JVM consumed since it started.
     *
     * @param results the serialized results of the completed chunks
     * @param startMillis each completed chunk's start, in epoch milliseconds
     * @param endMillis each completed chunk's end, in epoch milliseconds
     * @param handledNanos what the batch cost the worker, but loading its call's task
     * @param failure the chunk that failed; null if none failed
     * @param cpuNanos the CPU time the worker JVM consumed since it started
     * @serial exclude
     */
    record BatchDone(byte[] results, long[] startMillis, long[] endMillis, long handledNanos, ChunkFailure failure,
                     long cpuNanos) implements FromWorker {
    }

    /**
     * {@code failure} is the serialized Throwable, or null if it could not be serialized; {@code description} always set.
     *
     * @param item the index in the call of the item that failed
     * @param failure the serialized Throwable; null if it could not be serialized
     * @param description the Throwable's type and message
     * @param stack the Throwable's stack trace
     * @param startMillis when the chunk started, in epoch milliseconds
     * @param endMillis when it failed, in epoch milliseconds
     * @serial exclude
     */
    record ChunkFailure(int item, byte[] failure, String description, StackTraceElement[] stack, long startMillis,
                        long endMillis) implements Serializable {
    }
}
