package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobProgressViewTest {
    @Test
    void aRunningJobShowsTheStageBarAndALinkToTheUi() {
        JobProgressView view = new JobProgressView(3, "cell 4", 5, "collect at <init>", 15, 60, 1, 40, 2500,
                Optional.empty(), Optional.of(new SparkUi("http://127.0.0.1:4040", "t0ken").job(3)));
        assertEquals("Spark job 3 (cell 4) stage 5 [#######.......................] 15/60 tasks, 2.5 s", view.text());
        String html = (String) view.render().data().get("text/html");
        assertTrue(html.contains("<progress value=\"15\" max=\"60\">"), html);
        assertTrue(html.contains("collect at &lt;init&gt;"), html);
        assertTrue(html.contains("href=\"http://127.0.0.1:4040/jobs/job/?id=3&amp;token=t0ken\""), html);
    }

    @Test
    void anEndedJobShowsItsOutcome() {
        JobProgressView view = new JobProgressView(3, "", 5, "collect", 60, 60, 2, 68, 4100,
                Optional.of("succeeded"), Optional.empty());
        assertEquals("Spark job 3 succeeded after 4.1 s (2 stages, 68 tasks)", view.text());
    }
}
