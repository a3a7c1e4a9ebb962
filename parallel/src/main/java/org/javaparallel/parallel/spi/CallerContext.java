package org.javaparallel.parallel.spi;

import java.util.concurrent.Executor;

/**
 * Carries the submitting thread's context (in the kernel: which cell prints and displays go to) over to the
 * threads that run tasks or relay worker output. The kernel installs a {@link Capturer}; outside a kernel
 * tasks simply run as they are.
 */
public final class CallerContext {
    /** Called on the submitting thread; returns an executor that runs actions inline within that thread's context. */
    @FunctionalInterface
    public interface Capturer {
        /**
         * Captures the calling thread's context.
         *
         * @return an executor that runs actions within that context, never null
         */
        Executor capture();
    }

    private static final Capturer NONE = () -> Runnable::run;
    private static volatile Capturer capturer = NONE;

    private CallerContext() {
    }

    /**
     * Installs the kernel's capturer; the kernel calls this once at start-up.
     *
     * @param newCapturer the capturer; null restores the default, which runs actions as they are
     */
    public static void install(Capturer newCapturer) {
        capturer = newCapturer == null ? NONE : newCapturer;
    }

    /**
     * Captures the calling thread's context: actions given to the result run as if on this thread.
     *
     * @return an executor that runs each action at once, in this thread's context; never null
     */
    public static Executor capture() {
        return capturer.capture();
    }
}
