package org.javaparallel.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.javaparallel.display.Html;
import org.javaparallel.display.MimeBundle;
import org.javaparallel.display.Renderable;

/**
 * How one Spark job looks in the cell's output: a bar for the running stage while it runs, one line with the
 * outcome when it ended; both link to the Spark UI.
 *
 * @param outcome empty while the job runs, else e.g. "succeeded", "cancelled", "failed: ..."
 * @param uiLink the job's page in the Spark UI, with the token that opens it ({@link SparkUi#job})
 */
record JobProgressView(int jobId, String description, int stageId, String stageName, int stageTasksDone,
                       int stageTasks, int stagesDone, int tasksDone, long elapsedMillis, Optional<String> outcome,
                       Optional<String> uiLink) implements Renderable {
    private static final int BAR_WIDTH = 30;

    @Override
    public MimeBundle render() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html());
        bundle.put("text/plain", text());
        return new MimeBundle(bundle);
    }

    String text() {
        String head = "Spark job " + jobId + label();
        if (outcome.isPresent()) {
            return head + " " + outcome.get() + " after " + seconds() + " (" + stagesDone + " stages, "
                    + tasksDone + " tasks)";
        }
        int filled = stageTasks == 0 ? 0 : BAR_WIDTH * stageTasksDone / stageTasks;
        return head + " stage " + stageId + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + stageTasksDone + "/" + stageTasks + " tasks, " + seconds();
    }

    private String html() {
        String link = uiLink.map(url -> " <a href=\"" + Html.escape(url) + "\" target=\"_blank\">Spark UI</a>")
                .orElse("");
        if (outcome.isPresent()) {
            return "<div>" + Html.escape(text()) + link + "</div>";
        }
        return "<div>Spark job " + jobId + Html.escape(label()) + ", stage " + stageId + " (" + Html.escape(stageName) + "): "
                + "<progress value=\"" + stageTasksDone + "\" max=\"" + Math.max(stageTasks, 1) + "\"></progress> "
                + stageTasksDone + "/" + stageTasks + " tasks, " + seconds() + link + "</div>";
    }

    private String label() {
        return description.isBlank() ? "" : " (" + description + ")";
    }

    private String seconds() {
        return String.format("%.1f s", elapsedMillis / 1000.0);
    }

}
