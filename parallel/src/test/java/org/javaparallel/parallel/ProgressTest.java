package org.javaparallel.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.javaparallel.display.Display;
import org.javaparallel.display.DisplaySink;
import org.javaparallel.display.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void barTextWhileRunningAndWhenDone() {
        assertEquals("map: [###############...............] 50/100 tasks, 1.2 s on processes(2)",
                new ProgressBar("map", 50, 100, "tasks", 1234, "processes(2)", null).text());
        assertEquals("map: 100/100 tasks done in 3.2 s on processes(2)",
                new ProgressBar("map", 100, 100, "tasks", 3240, "processes(2)", "done").text());
        assertTrue(new ProgressBar("map", 1, 2, "tasks", 0, "threads(2)", null).render().data().containsKey("text/html"));
    }

    @Test
    void aLongMapShowsABarThatEndsWithTheFinalLineAndAQuickMapShowsNothing() {
        List<String> shown = new CopyOnWriteArrayList<>();
        Display.installSink(new DisplaySink() {
            @Override
            public void show(String displayId, Map<String, Object> bundle) {
                shown.add((String) bundle.get("text/plain"));
            }

            @Override
            public void update(String displayId, Map<String, Object> bundle) {
                shown.add((String) bundle.get("text/plain"));
            }
        });
        try (Pool pool = Pools.threads(2)) {
            pool.map((Integer x) -> x, List.of(1, 2, 3));
            assertEquals(List.of(), shown);
            List<Integer> items = IntStream.range(0, 40).boxed().collect(Collectors.toList());
            pool.map((Integer x) -> {
                sleep(40);
                return x;
            }, items, 1);
        } finally {
            Display.installSink(null);
        }
        assertTrue(shown.size() >= 2, shown.toString());
        assertTrue(shown.get(0).startsWith("map: ["), shown.toString());
        assertTrue(shown.get(shown.size() - 1).matches("map: 40/40 tasks done in \\d+\\.\\d s on threads\\(2\\)"),
                shown.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
