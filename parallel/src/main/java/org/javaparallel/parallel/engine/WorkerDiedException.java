package org.javaparallel.parallel.engine;

/** A worker ended while it ran a chunk (System.exit in a task, out of memory, killed); its message says it all. */
public final class WorkerDiedException extends RuntimeException {
    public WorkerDiedException(String message) {
        super(message);
    }
}
