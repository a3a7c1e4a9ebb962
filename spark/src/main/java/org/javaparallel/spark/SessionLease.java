package org.javaparallel.spark;

/** A backend's use of the shared session, see {@link SparkSessions#lease}. */
public interface SessionLease extends AutoCloseable {
    /**
     * False once the session this lease holds was stopped or replaced by one on another master.
     *
     * @return true while the session this lease holds is the shared one
     */
    boolean isCurrent();

    /** Ends this use of the session; the session itself may go on for other leases. */
    @Override
    void close();
}
