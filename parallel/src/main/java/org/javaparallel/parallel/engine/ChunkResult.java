package org.javaparallel.parallel.engine;

import java.util.List;
import org.javaparallel.parallel.TaskRecord;

/** How a chunk ended on a worker. */
public sealed interface ChunkResult {
    record Done(List<?> results, TaskRecord record) implements ChunkResult {
    }

    /** {@code record} is null when the chunk never ran (cancelled, worker could not start). */
    record Failed(int item, String worker, Throwable cause, TaskRecord record) implements ChunkResult {
    }
}
