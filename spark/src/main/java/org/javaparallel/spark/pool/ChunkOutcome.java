package org.javaparallel.spark.pool;

import java.io.Serializable;
import java.util.List;
import org.javaparallel.parallel.TaskRecord;

/**
 * What one task sends back: the results of its items in order (none when an item threw: the chunk fails as a
 * whole, as on the other backends), and where and when it ran. A throwing item ends the chunk rather than failing
 * the Spark task, which Spark would retry in vain on other executors.
 *
 * @param failure null when every item succeeded (Optional is not Serializable)
 */
record ChunkOutcome(List<?> results, Failure failure, TaskRecord record) implements Serializable {
    /** The item at index {@code item} of the call threw {@code error} on {@code worker}. */
    record Failure(int item, Throwable error, String worker) implements Serializable {
    }
}
