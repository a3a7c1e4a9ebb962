package org.javaparallel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import org.javaparallel.parallel.spi.CellInterrupts;

/**
 * Runs each snippet in this JVM on a thread of its own, so that an interrupt can stop it without touching the
 * kernel's threads, and keeps the snippet's value as an object (JShell itself only sees its string form).
 * Only the snippet's thread is awaited: threads a cell starts may outlive it.
 */
final class CellExecutionControl extends DirectExecutionControl {
    private static final long STACK_BYTES = 64L * 1024 * 1024;
    private static final long GRACE_MILLIS = 300;

    private final CellClassStore store;
    private final Runnable onCellThread;
    private final java.util.function.Consumer<Throwable> onUncaught;
    private final AtomicReference<Thread> running = new AtomicReference<>();
    private volatile Object lastValue;
    private volatile Throwable lastFailure;
    private volatile boolean stopped;

    /**
     * {@code onCellThread} runs first on every snippet thread (libraries that keep per-thread state hook in);
     * {@code onUncaught} runs on it when the snippet throws (the debugger may stop there).
     */
    CellExecutionControl(CellClassStore store, Runnable onCellThread, java.util.function.Consumer<Throwable> onUncaught) {
        super(new CellLoaderDelegate(store));
        this.store = store;
        this.onCellThread = onCellThread;
        this.onUncaught = onUncaught;
    }

    /**
     * JShell recompiles the earlier snippets after an import and "redefines" those whose classes it compiled
     * again. In-process classes cannot be redefined, and JShell would replace them with fresh classes whose
     * variables start empty: the values of earlier variables would be lost. A class that compiled to the same
     * code (only its line numbers moved) needs no redefinition, so that case succeeds; real changes are refused.
     */
    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (!store.holdsEquivalent(CellLoaderDelegate.woven(classes))) {
            super.redefine(classes);
        }
    }

    /**
     * A new cell starts: earlier stop requests no longer apply. Called before the cell is compiled, not before
     * each snippet runs, so that a stop that arrives while the cell is still being compiled stops it too (a
     * Stop pressed right after Run).
     */
    void beginCell() {
        stopped = false;
        CellInterrupts.clear();
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        lastValue = null;
        lastFailure = null;
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread cell = new Thread(null, () -> {
            try {
                onCellThread.run();
                value[0] = doit.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = afterUncaught(e.getCause());
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "cell", STACK_BYTES);
        cell.setContextClassLoader(store);
        running.set(cell);
        cell.start();
        try {
            cell.join();
        } finally {
            running.set(null);
        }
        if (failure[0] instanceof CellInterrupts.CellInterruptedError || isThreadDeath(failure[0])) {
            stopped = true;
        }
        if (stopped) {
            throw new StoppedException();
        }
        if (failure[0] != null) {
            lastFailure = failure[0];
            throw new InvocationTargetException(failure[0]);
        }
        lastValue = value[0];
        // JShell only keeps this string for SnippetEvent.value(), which the kernel does not show: the kernel
        // renders lastValue once, in the cell. Calling the value's toString here would run user code a second
        // time, on the kernel's thread.
        return value[0] == null ? "null" : value[0].getClass().getName();
    }

    /** Lets the debugger stop on the exception; an interrupt while it is stopped there ends the snippet. */
    private Throwable afterUncaught(Throwable failure) {
        if (failure instanceof CellInterrupts.CellInterruptedError) {
            return failure;
        }
        try {
            onUncaught.accept(failure);
            return failure;
        } catch (CellInterrupts.CellInterruptedError interrupted) {
            return interrupted;
        }
    }

    private static boolean isThreadDeath(Throwable failure) {
        return failure != null && failure.getClass().getName().equals("java.lang.ThreadDeath");
    }

    /**
     * Stops the running snippet: the woven stop checks end loops in cell code, an interrupt ends waits, and on
     * JDKs that still have it Thread.stop ends long calls into library code after a short grace period.
     */
    @Override
    public void stop() {
        stopped = true;
        CellInterrupts.requestStop();
        Thread cell = running.get();
        if (cell == null) {
            return; // between snippets or while compiling: the stop checks end the next snippet at its entry
        }
        cell.interrupt();
        try {
            cell.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (cell.isAlive()) {
            forceStop(cell);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void forceStop(Thread cell) {
        try {
            cell.stop();
        } catch (UnsupportedOperationException notOnThisJdk) {
            // Java 20+: only the woven checks and interrupts can stop the cell.
        }
    }

    /** True when the last snippet ended because of {@link #stop()}. */
    boolean wasStopped() {
        return stopped;
    }

    Object lastValue() {
        return lastValue;
    }

    /** The cell's own exception (with its real type and stack), when the last snippet failed. */
    Throwable lastFailure() {
        return lastFailure;
    }
}
