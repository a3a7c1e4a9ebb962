package org.javaparallel.parallel;

import java.io.Serializable;

/**
 * Where and when one task ran: {@code worker} names the thread, worker JVM or executor; times are epoch
 * milliseconds so that records from different JVMs on one machine share a clock.
 */
public record TaskRecord(String worker, int firstItem, int itemCount, long startMillis, long endMillis)
        implements Serializable {
}
