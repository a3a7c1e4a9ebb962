package org.javaparallel.display;

import java.util.Locale;

/**
 * How far some work is (a pool call's tasks, a search's fits), as a line of text and a small HTML bar.
 * {@code where} (e.g. the backend) may be null; {@code outcome} is null while running, else e.g. "done".
 *
 * @param label what is being done, e.g. {@code map}
 * @param done how many units are done
 * @param total how many units there are in all
 * @param unit what is counted, e.g. {@code items}
 * @param elapsedMillis how long the work has run, in milliseconds
 * @param where where it runs, e.g. the backend; null to leave it out
 * @param outcome null while running, else how it ended, e.g. {@code done}
 */
public record ProgressBar(String label, int done, int total, String unit, long elapsedMillis, String where,
                          String outcome) implements Renderable {
    private static final int TEXT_WIDTH = 30;

    /**
     * The bar as one line of text, e.g. {@code map: [#####.....] 5/10 items, 1.2 s on threads(4)}.
     *
     * @return the line
     */
    public String text() {
        String seconds = String.format(Locale.ROOT, "%.1f s", elapsedMillis / 1000.0);
        String on = where == null ? "" : " on " + where;
        if (outcome == null) {
            int filled = total == 0 ? TEXT_WIDTH : done * TEXT_WIDTH / total;
            return label + ": [" + "#".repeat(filled) + ".".repeat(TEXT_WIDTH - filled) + "] " + done + "/" + total
                    + " " + unit + ", " + seconds + on;
        }
        return label + ": " + done + "/" + total + " " + unit + " " + outcome + " in " + seconds + on;
    }

    @Override
    public MimeBundle render() {
        int percent = total == 0 ? 100 : done * 100 / total;
        String colour = outcome == null || outcome.equals("done") ? "#4c9be8" : "#d9534f";
        String html = "<div style=\"font-family:monospace\">"
                + "<div style=\"display:inline-block;width:200px;height:10px;border:1px solid #999;"
                + "vertical-align:middle;margin-right:8px\"><div style=\"height:100%;width:" + percent
                + "%;background:" + colour + "\"></div></div>" + Html.escape(text()) + "</div>";
        return new MimeBundle(java.util.Map.of("text/plain", text(), "text/html", html));
    }
}
