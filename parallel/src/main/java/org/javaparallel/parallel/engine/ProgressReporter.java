package org.javaparallel.parallel.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.javaparallel.display.Display;
import org.javaparallel.display.DisplayHandle;
import org.javaparallel.display.ProgressBar;

/**
 * Shows a progress bar for calls that take a while: once a call has run for {@link #SHOW_AFTER_MILLIS}, or
 * {@link #SHOW_MANY_CHUNKS_AFTER_MILLIS} if it has many chunks. Quick calls print nothing. Updates are
 * throttled to one per {@link #TICK_MILLIS} and are shown in the calling cell through its captured context.
 */
final class ProgressReporter {
    static final long TICK_MILLIS = 200;
    static final long SHOW_AFTER_MILLIS = 2000;
    static final long SHOW_MANY_CHUNKS_AFTER_MILLIS = 400;
    static final int MANY_CHUNKS = 20;

    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pool-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final String call;
    private final int total;
    private final String backend;
    private final Executor callerContext;
    private final long startMillis = System.currentTimeMillis();
    private final long showAfterMillis;
    private final ScheduledFuture<?> ticks;
    private int done;
    private ProgressBar shown;
    private DisplayHandle handle;
    private boolean finished;

    /** {@code visible} false: the call is a single task (apply, submit), whose progress says nothing. */
    ProgressReporter(String call, int total, int chunks, String backend, Executor callerContext, boolean visible) {
        this.call = call;
        this.total = total;
        this.backend = backend;
        this.callerContext = callerContext;
        this.showAfterMillis = chunks > MANY_CHUNKS ? SHOW_MANY_CHUNKS_AFTER_MILLIS : SHOW_AFTER_MILLIS;
        this.ticks = visible ? TICKER.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS)
                : null;
    }

    synchronized void advance(int items) {
        done += items;
    }

    private synchronized void tick() {
        if (finished) {
            return;
        }
        long elapsed = System.currentTimeMillis() - startMillis;
        if (handle == null && elapsed < showAfterMillis) {
            return;
        }
        ProgressBar bar = new ProgressBar(call, done, total, "tasks", elapsed, backend, null);
        if (shown == null || shown.done() != bar.done() || shown.elapsedMillis() / 1000 != elapsed / 1000) {
            show(bar);
        }
    }

    /** Ends the bar with its final line; {@code failure} is null when the call succeeded. */
    synchronized void finish(Throwable failure) {
        if (finished) {
            return;
        }
        finished = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
        if (handle != null) {
            String outcome = failure == null ? "done"
                    : failure instanceof java.util.concurrent.CancellationException ? "cancelled" : "failed";
            show(new ProgressBar(call, done, total, "tasks",
                    System.currentTimeMillis() - startMillis, backend, outcome));
        }
    }

    private void show(ProgressBar bar) {
        shown = bar;
        callerContext.execute(() -> {
            if (handle == null) {
                handle = Display.display(bar);
            } else {
                handle.update(bar);
            }
        });
    }
}
