package org.javaparallel.parallel.process;

/**
 * Stands for an exception thrown in a worker JVM that could not be sent back as itself (it or something it
 * holds is not serializable): keeps its type and message in the message and its stack trace.
 */
public final class RemoteException extends RuntimeException {
    /**
     * A stand-in for a remote exception.
     *
     * @param description the remote exception's type and message
     * @param stack its stack trace; null for none
     */
    public RemoteException(String description, StackTraceElement[] stack) {
        super(description, null, false, true);
        setStackTrace(stack == null ? new StackTraceElement[0] : stack);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
