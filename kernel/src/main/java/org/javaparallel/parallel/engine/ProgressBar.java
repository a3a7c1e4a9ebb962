package org.javaparallel.parallel.engine;

import java.util.Locale;
import org.javaparallel.display.MimeBundle;
import org.javaparallel.display.Renderable;

/** How far a Pool call is, as a line of text and a small HTML bar. {@code outcome} is null while running. */
public record ProgressBar(String call, int done, int total, long elapsedMillis, String backend, String outcome)
        implements Renderable {
    private static final int TEXT_WIDTH = 30;

    public String text() {
        String seconds = String.format(Locale.ROOT, "%.1f s", elapsedMillis / 1000.0);
        if (outcome == null) {
            int filled = total == 0 ? TEXT_WIDTH : done * TEXT_WIDTH / total;
            return call + ": [" + "#".repeat(filled) + ".".repeat(TEXT_WIDTH - filled) + "] " + done + "/" + total
                    + " tasks, " + seconds + " on " + backend;
        }
        return call + ": " + done + "/" + total + " tasks " + outcome + " in " + seconds + " on " + backend;
    }

    @Override
    public MimeBundle render() {
        int percent = total == 0 ? 100 : done * 100 / total;
        String colour = outcome == null || outcome.equals("done") ? "#4c9be8" : "#d9534f";
        String html = "<div style=\"font-family:monospace\">"
                + "<div style=\"display:inline-block;width:200px;height:10px;border:1px solid #999;"
                + "vertical-align:middle;margin-right:8px\"><div style=\"height:100%;width:" + percent
                + "%;background:" + colour + "\"></div></div>" + escape(text()) + "</div>";
        return new MimeBundle(java.util.Map.of("text/plain", text(), "text/html", html));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
