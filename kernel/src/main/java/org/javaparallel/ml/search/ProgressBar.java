package org.javaparallel.ml.search;

import org.javaparallel.display.Display;
import org.javaparallel.display.DisplayHandle;
import org.javaparallel.display.MimeBundle;
import org.javaparallel.display.Renderable;

/** A fits-done bar shown in the running cell, redrawn at most every {@value #REDRAW_MILLIS} ms and when done. */
final class ProgressBar implements Renderable {
    private static final long REDRAW_MILLIS = 250;
    private static final int WIDTH = 30;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final DisplayHandle handle;
    private int done;
    private long lastRedrawNanos;

    ProgressBar(int total) {
        this.total = total;
        this.handle = Display.display(this);
        this.lastRedrawNanos = startNanos;
    }

    synchronized void advance() {
        done++;
        long now = System.nanoTime();
        if (done == total || now - lastRedrawNanos >= REDRAW_MILLIS * 1_000_000) {
            lastRedrawNanos = now;
            handle.update(this);
        }
    }

    @Override
    public synchronized MimeBundle render() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String status = done == total
                ? String.format("%d/%d fits done in %.1f s", done, total, seconds)
                : String.format("%d/%d fits, %.1f s", done, total, seconds);
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String text = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + status;
        String html = "<div><progress value=\"" + done + "\" max=\"" + total + "\" style=\"width:20em\"></progress> "
                + status + "</div>";
        return new MimeBundle(java.util.Map.of("text/plain", text, "text/html", html));
    }
}
