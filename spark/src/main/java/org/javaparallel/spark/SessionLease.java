package org.javaparallel.spark;

/** A backend's use of the shared session, see {@link SparkSessions#lease}. */
public interface SessionLease extends AutoCloseable {
    /** False once the session this lease holds was stopped or replaced by one on another master. */
    boolean isCurrent();

    @Override
    void close();
}
