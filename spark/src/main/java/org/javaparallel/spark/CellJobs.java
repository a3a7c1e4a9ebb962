package org.javaparallel.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;

/**
 * Ties the Spark jobs a cell starts to that cell: one job group per cell (so that an interrupt cancels exactly
 * them) and a fresh state generation (so that executors refresh the top-level variables). Spark keeps job group
 * and local properties per thread, inherited by threads started later, so they are set on the calling thread.
 * Each group also keeps where its cell's output goes, for what Spark's listener thread shows about its jobs.
 */
final class CellJobs {
    /** Groups whose output is remembered: a thread that a cell started may run jobs of its group while later cells run. */
    private static final int REMEMBERED_GROUPS = 100;

    private final AtomicLong cells = new AtomicLong();
    private final Map<String, Executor> outputOfGroup = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Executor> eldest) {
            return size() > REMEMBERED_GROUPS;
        }
    };
    private volatile String group = "cell-0";
    private volatile String description = "";

    /** {@code cellOutput} runs an action as if in the cell, so that what it displays lands in the cell. */
    synchronized void beforeCell(String cellDescription, Executor cellOutput) {
        group = "cell-" + cells.incrementAndGet();
        description = cellDescription == null ? "" : cellDescription;
        outputOfGroup.put(group, cellOutput);
    }

    /** Where to show what concerns the jobs of {@code jobGroup}; actions run inline for an unknown group. */
    synchronized Executor outputOf(String jobGroup) {
        return outputOfGroup.getOrDefault(jobGroup, Runnable::run);
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
