package org.javaparallel.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;

/**
 * Ties the Spark jobs a cell starts to that cell: one job group per cell (so that an interrupt cancels exactly
 * them) and a fresh state generation (so that executors refresh the top-level variables). Spark keeps job group
 * and local properties per thread, inherited by threads started later, so they are set on the calling thread.
 */
final class CellJobs {
    private final AtomicLong cells = new AtomicLong();
    private volatile String group = "cell-0";
    private volatile String description = "";

    void beforeCell(String cellDescription) {
        group = "cell-" + cells.incrementAndGet();
        description = cellDescription == null ? "" : cellDescription;
    }

    /** Puts the calling thread's next jobs into the current cell's group with a new state generation. */
    void tagThread(SparkContext sc) {
        sc.setJobGroup(group, description, true);
        sc.setLocalProperty(CellStatePlugin.GENERATION_PROPERTY, Long.toString(CellState.advance()));
    }

    String group() {
        return group;
    }

    void cancel(SparkContext sc) {
        sc.cancelJobGroup(group, "interrupted by the user");
    }
}
