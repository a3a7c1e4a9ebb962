package org.javaparallel.parallel;

import java.io.Serializable;

/**
 * Where and when one task ran: {@code worker} names the thread, worker JVM or executor; times are epoch
 * milliseconds so that records from different JVMs on one machine share a clock.
 *
 * @param worker the name of the thread, worker JVM or executor that ran the task
 * @param firstItem the index of the task's first item in the call's input
 * @param itemCount how many items the task carried
 * @param startMillis when the task started, in epoch milliseconds
 * @param endMillis when the task ended, in epoch milliseconds
 * @serial exclude
 */
public record TaskRecord(String worker, int firstItem, int itemCount, long startMillis, long endMillis)
        implements Serializable {
}
