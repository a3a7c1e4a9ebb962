package org.javaparallel.parallel.code;

/**
 * The stop and exit hooks that the kernel weaves into every class defined in a cell (at method entry and
 * before each backward branch; in place of {@code System.exit}). They let an interrupt stop a busy loop on
 * every JDK — Thread.stop is gone on Java 20+ — and keep {@code System.exit} in a cell from killing the JVM.
 * Worker JVMs load the same woven classes, so they can stop a running task the same way.
 */
public final class CellInterrupts {
    private static volatile boolean stopRequested;

    private CellInterrupts() {
    }

    /** Called by woven cell code. */
    public static void check() {
        if (stopRequested) {
            throw new CellInterruptedError();
        }
    }

    /** Called by woven cell code instead of {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new CellExitException(status);
    }

    /** Called by woven cell code instead of {@code runtime.exit(status)} and {@code runtime.halt(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new CellExitException(status);
    }

    public static void requestStop() {
        stopRequested = true;
    }

    public static void clear() {
        stopRequested = false;
    }

    public static boolean stopRequested() {
        return stopRequested;
    }

    /** Unwinds cell code that was interrupted; an Error so that {@code catch (Exception e)} in cells lets it pass. */
    public static final class CellInterruptedError extends Error {
        public CellInterruptedError() {
            super("interrupted", null, false, false);
        }
    }

    /** What {@code System.exit(n)} in cell code throws instead of ending the JVM. */
    public static final class CellExitException extends RuntimeException {
        private final int status;

        public CellExitException(int status) {
            super("System.exit(" + status + ") was called in a cell: the kernel does not exit."
                    + " Use an exception or return to end the cell; restart the kernel to start afresh.");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
