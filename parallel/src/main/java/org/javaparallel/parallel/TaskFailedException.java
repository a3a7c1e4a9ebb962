package org.javaparallel.parallel;

/**
 * A task raised an exception on a worker. The message names the item that failed and the remote exception's
 * type, as the user wrote it ({@code Boom}, not JShell's {@code REPL.$JShell$37$Boom}), and message; the remote
 * exception, with its real class and stack trace, is {@link #getCause()}.
 */
public class TaskFailedException extends RuntimeException {
    private final int item;

    public TaskFailedException(String message, int item, Throwable cause) {
        super(message, cause);
        this.item = item;
    }

    /** Index of the failing item in the call's input, or -1 for apply/submit. */
    public int item() {
        return item;
    }
}
