package org.javaparallel.parallel;

/**
 * A task raised an exception on a worker. The message names the item that failed and the remote exception's
 * type, as the user wrote it ({@code Boom}, not JShell's {@code REPL.$JShell$37$Boom}), and message; the remote
 * exception, with its real class and stack trace, is {@link #getCause()}.
 */
public class TaskFailedException extends RuntimeException {
    /** Index of the failing item in the call's input, or -1 for apply/submit. */
    private final int item;

    /**
     * A failure of the task for {@code item}.
     *
     * @param message what failed: the item and the remote exception's type and message
     * @param item the index of the failing item in the call's input, or -1 for apply/submit
     * @param cause the task's exception, or a stand-in that carries its remote stack trace; may be null
     */
    public TaskFailedException(String message, int item, Throwable cause) {
        super(message, cause);
        this.item = item;
    }

    /**
     * Index of the failing item in the call's input, or -1 for apply/submit.
     *
     * @return the item's index, or -1
     */
    public int item() {
        return item;
    }
}
