package org.javaparallel.parallel.spi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The stop and exit hooks that the kernel weaves into every class defined in a cell (at method entry and
 * before each backward branch; in place of {@code System.exit}). They let an interrupt stop a busy loop on
 * every JDK — Thread.stop is gone on Java 20+ — and keep {@code System.exit} in a cell from killing the JVM.
 * Worker JVMs load the same woven classes, so they can stop a running task the same way.
 *
 * <p>{@link #check()} runs in every iteration of every loop in cell code, so it must cost nothing while no stop
 * is requested. A volatile flag did not: on JDK 17 a hot loop over a {@code long} counter ran about three times
 * slower once compiled with the read inside (bench/stop-check). So check() calls a constant method handle
 * whose call site targets a no-op: compiled code inlines the no-op and records that it depends on that target.
 * {@link #requestStop()} retargets the call site to a method that throws, which deoptimizes that compiled code,
 * running loops included; from then on the checks throw until {@link #clear()} restores the no-op.
 */
public final class CellInterrupts {
    private static final MethodHandle PROCEED = hook("proceed");
    private static final MethodHandle STOP = hook("stop");
    private static final MutableCallSite STOP_CHECK = new MutableCallSite(PROCEED);
    private static final MethodHandle CHECK = STOP_CHECK.dynamicInvoker();

    private CellInterrupts() {
    }

    /** Called by woven cell code; throws {@link CellInterruptedError} once a stop is requested. */
    public static void check() {
        try {
            CHECK.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("the stop check threw a checked exception", e);
        }
    }

    /**
     * Called by woven cell code instead of {@code System.exit(status)}.
     *
     * @param status the exit status the cell asked for
     * @throws CellExitException always
     */
    public static void exit(int status) {
        throw new CellExitException(status);
    }

    /**
     * Called by woven cell code instead of {@code runtime.exit(status)} and {@code runtime.halt(status)}.
     *
     * @param runtime the runtime the cell called; not used
     * @param status the exit status the cell asked for
     * @throws CellExitException always
     */
    public static void exit(Runtime runtime, int status) {
        throw new CellExitException(status);
    }

    /**
     * Makes every {@link #check()} throw {@link CellInterruptedError} until {@link #clear()}: the kernel calls it
     * when the user interrupts.
     */
    public static synchronized void requestStop() {
        retarget(STOP);
    }

    /** Cheap unless a stop was requested: only then does it deoptimize the compiled cell code again. */
    public static synchronized void clear() {
        retarget(PROCEED);
    }

    private static void retarget(MethodHandle target) {
        if (STOP_CHECK.getTarget() != target) {
            STOP_CHECK.setTarget(target);
            MutableCallSite.syncAll(new MutableCallSite[] {STOP_CHECK});
        }
    }

    private static void proceed() {
    }

    private static void stop() {
        throw new CellInterruptedError();
    }

    private static MethodHandle hook(String name) {
        try {
            return MethodHandles.lookup().findStatic(CellInterrupts.class, name, MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Unwinds cell code that was interrupted; an Error so that {@code catch (Exception e)} in cells lets it pass. */
    public static final class CellInterruptedError extends Error {
        /** An error that carries no stack trace, which no one reads. */
        public CellInterruptedError() {
            super("interrupted", null, false, false);
        }
    }

    /** What {@code System.exit(n)} in cell code throws instead of ending the JVM. */
    public static final class CellExitException extends RuntimeException {
        /** The status the cell passed to {@code System.exit}. */
        private final int status;

        /**
         * The exception for one exit call.
         *
         * @param status the status the cell passed to {@code System.exit}
         */
        public CellExitException(int status) {
            super("System.exit(" + status + ") was called in a cell: the kernel does not exit."
                    + " Use an exception or return to end the cell; restart the kernel to start afresh.");
            this.status = status;
        }

        /**
         * The status the cell passed to {@code System.exit}.
         *
         * @return the status
         */
        public int status() {
            return status;
        }
    }
}
