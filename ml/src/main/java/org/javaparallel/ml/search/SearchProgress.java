package org.javaparallel.ml.search;

import org.javaparallel.display.Display;
import org.javaparallel.display.DisplayHandle;
import org.javaparallel.display.ProgressBar;

/** The fits-done bar of a search in the running cell, redrawn at most every {@value #REDRAW_MILLIS} ms and when done. */
final class SearchProgress {
    private static final long REDRAW_MILLIS = 250;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final DisplayHandle handle;
    private int done;
    private long lastRedrawNanos;

    SearchProgress(int total) {
        this.total = total;
        this.handle = Display.display(bar());
        this.lastRedrawNanos = startNanos;
    }

    synchronized void advance() {
        done++;
        long now = System.nanoTime();
        if (done == total || now - lastRedrawNanos >= REDRAW_MILLIS * 1_000_000) {
            lastRedrawNanos = now;
            handle.update(bar());
        }
    }

    private ProgressBar bar() {
        return new ProgressBar("search", done, total, "fits", (System.nanoTime() - startNanos) / 1_000_000, null,
                done == total ? "done" : null);
    }
}
