package org.javaparallel.parallel.process;

/** A worker JVM ended while it ran a chunk (System.exit in a task, out of memory, killed). */
public final class WorkerDiedException extends RuntimeException {
    public WorkerDiedException(String message) {
        super(message);
    }
}
