package org.javaparallel.parallel.engine;

/** A worker ended while it ran a chunk (System.exit in a task, out of memory, killed); its message says it all. */
public final class WorkerDiedException extends RuntimeException {
    /**
     * A worker's death while it ran a chunk.
     *
     * @param message what happened, e.g. the worker's exit code
     */
    public WorkerDiedException(String message) {
        super(message);
    }
}
