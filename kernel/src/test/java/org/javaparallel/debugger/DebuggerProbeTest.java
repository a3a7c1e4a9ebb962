package org.javaparallel.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.javaparallel.eval.CellOutcome;
import org.javaparallel.eval.CompileClassPath;
import org.javaparallel.eval.JShellEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes in cell classes stop a cell at a breakpoint, in JShell without Jupyter around it. */
class DebuggerProbeTest {
    private final BlockingQueue<JsonObject> stops = new LinkedBlockingQueue<>();
    private Debugger debugger;
    private JShellEvaluator evaluator;

    @BeforeEach
    void start() {
        CompletableFuture<JShellEvaluator> started = new CompletableFuture<>();
        debugger = new Debugger((event, body) -> {
            if (event.equals("stopped")) {
                stops.add(body);
            }
        }, () -> started.join().cellCode());
        evaluator = JShellEvaluator.start(List.of(), CompileClassPath.narrowedTo(jar -> true),
                new PrintStream(OutputStream.nullOutputStream()), () -> { }, debugger);
        started.complete(evaluator);
        debugger.attach();
    }

    @AfterEach
    void stop() {
        debugger.close();
        evaluator.close();
    }

    private Object run(String cell) {
        debugger.cellStarting(cell, () -> false);
        CellOutcome outcome = evaluator.evaluate(cell, 1);
        assertTrue(outcome instanceof CellOutcome.Success, () -> cell + " -> " + outcome);
        return ((CellOutcome.Success) outcome).value();
    }

    private void stopsAt(String cell, int line, Object result) throws Exception {
        debugger.setBreakpoints(debugger.files().pathOf(cell), List.of(line));
        CompletableFuture<Object> value = CompletableFuture.supplyAsync(() -> run(cell));
        JsonObject stop = stops.poll(30, TimeUnit.SECONDS);
        assertTrue(stop != null, "no stop at line " + line + " of " + cell);
        StoppedThread thread = debugger.stoppedThread(stop.get("threadId").getAsInt());
        assertEquals(line, thread.frames().get(0).line());
        debugger.resume(thread.id(), StoppedThread.Resume.CONTINUE);
        assertEquals(result, value.get(30, TimeUnit.SECONDS));
    }

    @Test
    void stopsInAMethod() throws Exception {
        run("int twice(int x) {\n    int y = x * 2;\n    return y;\n}\n");
        String cell = "int twice(int x) {\n    int y = x * 2;\n    return y;\n}\n";
        debugger.setBreakpoints(debugger.files().pathOf(cell), List.of(3));
        run(cell);
        CompletableFuture<Object> value = CompletableFuture.supplyAsync(() -> run("twice(21)"));
        JsonObject stop = stops.poll(30, TimeUnit.SECONDS);
        assertTrue(stop != null, "no stop");
        StoppedThread thread = debugger.stoppedThread(stop.get("threadId").getAsInt());
        assertEquals(3, thread.frames().get(0).line());
        assertEquals(42, thread.frames().get(0).locals().get("y"));
        debugger.resume(thread.id(), StoppedThread.Resume.CONTINUE);
        assertEquals(42, value.get(30, TimeUnit.SECONDS));
    }

    @Test
    void theClassFilesWorkersLoadHaveNoProbes() throws Exception {
        stopsInAMethod();  // the classes this JVM defined have probes: they stopped
        try (var files = java.nio.file.Files.walk(evaluator.cellCode().classDirectory())) {
            List<java.nio.file.Path> classes = files.filter(file -> file.toString().endsWith(".class")).toList();
            assertTrue(!classes.isEmpty());
            for (java.nio.file.Path file : classes) {
                String bytes = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(!bytes.contains("org/javaparallel/debugger/DebugProbes"), file + " has probes");
                assertTrue(bytes.contains("org/javaparallel/parallel/spi/CellInterrupts"), file + " has stop checks");
            }
        }
    }

    @Test
    void stopsInTopLevelCode() throws Exception {
        stopsAt("int q = 5;\nint z = q * 2;\nz + 1\n", 2, 11);
    }

    /** Probes keep every construct's class valid: constructors before super(), switch, try/finally, long, double. */
    @Test
    void stopsInConstructorsSwitchesAndFinallyBlocks() throws Exception {
        String cell = String.join("\n",
                "enum Color { RED, GREEN }",
                "record Pair(int a, long b) {",
                "    public Pair {",
                "        if (a < 0) throw new IllegalArgumentException();",
                "    }",
                "}",
                "class Box extends ArrayList<String> {",
                "    final double weight;",
                "    Box(double w) {",
                "        super(4);",
                "        weight = w;",
                "    }",
                "}",
                "String describe(Object o, Color c) {",
                "    String s = switch (c) {",
                "        case RED -> \"r\";",
                "        case GREEN -> {",
                "            String g = \"g\";",
                "            yield g + o;",
                "        }",
                "    };",
                "    try {",
                "        if (o == null) throw new IllegalStateException();",
                "        return s;",
                "    } catch (IllegalStateException e) {",
                "        return \"none\";",
                "    } finally {",
                "        s = s + \"!\";",
                "    }",
                "}",
                "");
        run("import java.util.*;");
        debugger.setBreakpoints(debugger.files().pathOf(cell), List.of(4, 10, 11, 19, 28));
        run(cell);
        CompletableFuture<Object> value = CompletableFuture.supplyAsync(
                () -> run("describe(new Box(2.5).weight + new Pair(1, 2L).b(), Color.GREEN)"));
        List<Integer> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonObject stop = stops.poll(30, TimeUnit.SECONDS);
            assertTrue(stop != null, "stopped only at " + lines);
            StoppedThread thread = debugger.stoppedThread(stop.get("threadId").getAsInt());
            lines.add(thread.frames().get(0).line());
            if (lines.size() == 2) {
                assertEquals(2.5, thread.frames().get(0).locals().get("w"), "a double local");
            }
            debugger.resume(thread.id(), StoppedThread.Resume.CONTINUE);
        }
        assertEquals(List.of(10, 11, 4, 19, 28), lines);
        assertEquals("g4.5", value.get(30, TimeUnit.SECONDS));
    }

    @Test
    void stopsInAnExpression() throws Exception {
        stopsAt("Math.max(3, 4)\n", 1, 4);
    }
}
