package org.javaparallel.parallel.engine;

import java.util.List;
import org.javaparallel.parallel.TaskRecord;

/**
 * How a chunk ended on a worker: {@link Done} with its results, or {@link Failed}.
 */
public sealed interface ChunkResult {
    /**
     * The chunk ran to its end.
     *
     * @param results one result per item, in item order
     * @param record where and when it ran
     */
    record Done(List<?> results, TaskRecord record) implements ChunkResult {
    }

    /**
     * {@code record} is null when the chunk never ran (cancelled, worker could not start).
     *
     * @param item the index in the call of the item that failed
     * @param worker the worker it failed on
     * @param cause what the task threw, or why the chunk did not run
     * @param record where and when it ran; null if it never ran
     */
    record Failed(int item, String worker, Throwable cause, TaskRecord record) implements ChunkResult {
    }
}
