package org.javaparallel.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.javaparallel.kernel.testing.DisplayOutput;
import org.javaparallel.kernel.testing.ExecuteResult;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.JupyterClient;
import org.javaparallel.kernel.testing.KernelError;
import org.javaparallel.kernel.testing.KernelReply;
import org.javaparallel.kernel.testing.LibraryJar;
import org.javaparallel.kernel.testing.MavenRepo;
import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Pause;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.SharedKernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Jupyter wire protocol as a notebook uses it, against the installed kernel started by jupyter_client.
 * One kernel serves the class; a test that leaves it dead or busy gets it replaced for the next test.
 */
@Needs(Prerequisite.DEBIAN_JUPYTER)
class ProtocolIT {
    private static InstalledKernel installed;
    private static SharedKernel shared;
    private static JupyterClient kernel;

    @BeforeAll
    static void startKernel() throws IOException {
        installed = InstalledKernel.get();
        shared = SharedKernel.start(installed);
    }

    @AfterAll
    static void stopKernel() {
        if (shared != null) {
            shared.close();
        }
    }

    @BeforeEach
    void responsiveKernel() throws IOException {
        kernel = shared.responsive();
    }

    // ---------------------------------------------------------------- kernel_info, execute

    @Test
    void kernelInfoDescribesAJavaKernel() {
        JsonObject content = kernel.kernelInfo().getAsJsonObject("content");
        assertEquals("ok", content.get("status").getAsString(), content.toString());
        assertEquals("5.4", content.get("protocol_version").getAsString(), content.toString());
        assertEquals("java", content.getAsJsonObject("language_info").get("name").getAsString(), content.toString());
        assertFalse(content.get("implementation").getAsString().isBlank(), content.toString());
    }

    /**
     * Protocol 5.4 (JEP 65): iopub is an XPUB socket, and the client's subscription is answered with an unparented
     * iopub_welcome naming the subscribed topic; jupyter_client subscribes to all topics, the empty one.
     */
    @Test
    void iopubWelcomesTheClientsSubscription() {
        List<JsonObject> welcomes = kernel.iopubLog(Duration.ofMillis(200)).stream()
                .filter(m -> m.get("msg_type").getAsString().equals("iopub_welcome"))
                .toList();
        assertFalse(welcomes.isEmpty(), "no iopub_welcome on iopub");
        JsonObject welcome = welcomes.get(welcomes.size() - 1);
        System.out.println("iopub_welcome received: " + welcome);
        assertEquals("", welcome.getAsJsonObject("content").get("subscription").getAsString(), welcome.toString());
        assertEquals(0, welcome.getAsJsonObject("parent_header").size(), welcome.toString());
        assertEquals("5.4", welcome.getAsJsonObject("header").get("version").getAsString(), welcome.toString());
    }

    @Test
    void kernelInfoNamesJShellScriptsAndLinksTheApiDocsOfTheRunningVersions() {
        JsonObject content = kernel.kernelInfo().getAsJsonObject("content");
        JsonObject language = content.getAsJsonObject("language_info");
        assertEquals(".jsh", language.get("file_extension").getAsString(), language.toString());
        assertEquals("text/x-java", language.get("codemirror_mode").getAsString(), language.toString());
        String javaFeature = language.get("version").getAsString().split("[.+-]")[0];
        List<String> urls = content.getAsJsonArray("help_links").asList().stream()
                .map(link -> link.getAsJsonObject().get("url").getAsString()).toList();
        assertTrue(urls.contains("https://docs.oracle.com/en/java/javase/" + javaFeature + "/docs/api/"), urls.toString());
        assertTrue(urls.contains("https://spark.apache.org/docs/" + org.apache.spark.SparkBuildInfo.spark_version()
                + "/api/java/index.html"), urls.toString());
    }

    @Test
    void messageDatesTellHowLongACellRan() {
        ExecuteResult slept = kernel.execute("Thread.sleep(300);");
        Duration ran = Duration.between(statusDate(slept, "busy"), statusDate(slept, "idle"));
        assertTrue(ran.toMillis() >= 300 && ran.toMillis() < 10_000, ran + "\n" + slept.describe());
    }

    private static OffsetDateTime statusDate(ExecuteResult result, String state) {
        JsonObject status = result.raw().iopubOfType("status").stream()
                .filter(m -> m.getAsJsonObject("content").get("execution_state").getAsString().equals(state))
                .findFirst().orElseThrow(() -> new AssertionError("no " + state + " status: " + result.describe()));
        return OffsetDateTime.parse(status.getAsJsonObject("header").get("date").getAsString().replace(' ', 'T'));
    }

    @Test
    void multiStatementCellEndsInItsLastExpressionsValue() {
        ExecuteResult result = kernel.execute("int x = 1; x + 1");
        assertEquals("ok", result.status(), result.describe());
        assertEquals("2", result.resultText(), result.describe());

        List<JsonObject> iopub = result.raw().iopub();
        assertEquals("busy", iopub.get(0).getAsJsonObject("content").get("execution_state").getAsString());
        assertEquals("idle", iopub.get(iopub.size() - 1).getAsJsonObject("content").get("execution_state").getAsString());
        assertEquals(1, result.raw().iopubOfType("execute_input").size(), iopub.toString());
    }

    @Test
    void statementsOverSeveralLinesKeepTheirDefinitions() {
        ExecuteResult result = kernel.execute("""
                int square(int v) { return v * v; }
                record Point(int x, int y) {}
                var p = new Point(3, 4);
                square(p.x()) + square(p.y())
                """);
        assertEquals("25", result.resultText(), result.describe());
        assertEquals("7", kernel.execute("p.x() + p.y()").resultText());
    }

    @Test
    void printsGoToStdoutAndStderrStreams() {
        ExecuteResult result = kernel.execute("System.out.println(\"to out\"); System.err.println(\"to err\");");
        assertEquals("ok", result.status(), result.describe());
        assertEquals("to out\n", result.stdout(), result.describe());
        assertEquals("to err\n", result.stderr(), result.describe());
        assertTrue(result.resultData().isEmpty(), "a statement has no result: " + result.describe());
    }

    @Test
    void anImportKeepsTheValuesOfEarlierVariables() {
        kernel.execute("String keptOverImport = \"first\"; keptOverImport = \"second\";");
        ExecuteResult imported = kernel.execute("import org.javaparallel.ml.*;\nimport java.util.concurrent.locks.*;");
        assertEquals("ok", imported.status(), imported.describe());
        assertEquals("second", kernel.execute("keptOverImport").resultText());
    }

    // ---------------------------------------------------------------- display

    @Test
    void displayShowsEachMimeTypeAndUpdatesInPlace() {
        ExecuteResult result = kernel.execute("""
                var handle = org.javaparallel.display.Display.display("plain words");
                org.javaparallel.display.Display.display(org.javaparallel.display.Display.html("<b>bold</b>"));
                org.javaparallel.display.Display.display(org.javaparallel.display.Display.markdown("# Title"));
                var image = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
                org.javaparallel.display.Display.display(image);
                handle.update("new words");
                """);
        assertEquals("ok", result.status(), result.describe());
        List<DisplayOutput> displays = result.displays();
        assertEquals(5, displays.size(), displays.toString());
        assertEquals("plain words", displays.get(0).text("text/plain"));
        assertEquals("<b>bold</b>", displays.get(1).text("text/html"));
        assertEquals("# Title", displays.get(2).text("text/markdown"));
        byte[] png = java.util.Base64.getDecoder().decode(displays.get(3).text("image/png").strip());
        assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));

        DisplayOutput update = displays.get(4);
        assertTrue(update.isUpdate(), displays.toString());
        assertEquals("new words", update.text("text/plain"));
        assertNotNull(displays.get(0).displayId(), "the first display needs a display_id to be updatable");
        assertEquals(displays.get(0).displayId(), update.displayId());
    }

    @Test
    void displayUpdateFromALaterCellReachesTheEarlierOutput() {
        ExecuteResult first = kernel.execute("var progress = org.javaparallel.display.Display.display(\"0 %\");");
        ExecuteResult second = kernel.execute("progress.update(\"100 %\");");
        List<DisplayOutput> updates = second.displays();
        assertEquals(1, updates.size(), second.describe());
        assertTrue(updates.get(0).isUpdate());
        assertEquals(first.displays().get(0).displayId(), updates.get(0).displayId());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void exceptionBecomesAnErrorNamedByItsJavaTypeWithUserFrames() {
        kernel.execute("void failHere() { throw new IllegalStateException(\"bad state\"); }\nvoid callIt() { failHere(); }");
        ExecuteResult result = kernel.execute("callIt()");
        assertEquals("error", result.status(), result.describe());
        KernelError error = result.requireError();
        assertEquals("java.lang.IllegalStateException", error.ename(), error.text());
        assertTrue(error.evalue().contains("bad state"), error.text());
        String traceback = error.text();
        assertTrue(traceback.contains("failHere") && traceback.contains("callIt"), traceback);
        for (String internal : List.of("jdk.jshell", "jdk.internal", "org.javaparallel", "org.dflib", "java.lang.reflect")) {
            assertFalse(traceback.contains(internal), "traceback shows " + internal + " frames:\n" + traceback);
        }
        JsonObject reply = result.raw().content();
        assertEquals("java.lang.IllegalStateException", reply.get("ename").getAsString());
    }

    @Test
    void classesAndLambdasOfCellsAreNamedAsTheUserWroteThemNotAsJShellWrapsThem() {
        kernel.execute("class Boom extends RuntimeException { Boom(String message) { super(message); } }");
        KernelError thrown = kernel.execute("throw new Boom(\"direct\");").requireError();
        assertEquals("Boom", thrown.ename(), thrown.text());
        for (String pool : List.of("Pools.threads(2)", "Pools.processes(1)")) {
            KernelError failed = kernel.execute("try (Pool p = " + pool + ") {\n"
                    + "    p.map((Integer x) -> { if (x == 3) throw new Boom(\"boom \" + x); return x; },\n"
                    + "          List.of(0, 1, 2, 3));\n"
                    + "}").requireError();
            assertTrue(failed.text().contains("item 3 failed") && failed.text().contains(": Boom: boom 3")
                    && !failed.text().contains("$JShell$"), pool + ":\n" + failed.text());
        }
        int cell = kernel.execute("Function<Integer, Integer> inc = x -> x + 1;").raw().content()
                .get("execution_count").getAsInt();
        KernelError unshippable = kernel.execute(
                "try (Pool p = Pools.processes(1)) { p.map((Integer x) -> inc.apply(x), List.of(1)); }").requireError();
        assertTrue(unshippable.text().contains("'inc' (a lambda in cell [" + cell + "])")
                && !unshippable.text().contains("$$Lambda"), unshippable.text());
    }

    @Test
    void compileErrorNamesLineAndColumn() {
        ExecuteResult result = kernel.execute("int fine = 1;\nint broken = undefinedName + 1;");
        assertEquals("error", result.status(), result.describe());
        String text = result.requireError().text();
        assertTrue(text.contains("undefinedName"), text);
        assertTrue(Pattern.compile("(?i)line\\s*2\\b").matcher(text).find(), "no 'line 2' in:\n" + text);
        assertTrue(Pattern.compile("(?i)col(umn)?\\s*14\\b").matcher(text).find(), "no 'column 14' in:\n" + text);
    }

    // ---------------------------------------------------------------- complete, inspect, is_complete

    @Test
    void completeOffersClassesAndMembers() {
        assertTrue(matches(complete("Sys", 3)).contains("System"), complete("Sys", 3).toString());
        JsonObject member = complete("\"abc\".len", 9);
        assertTrue(matches(member).stream().anyMatch(m -> m.startsWith("length")), member.toString());
        assertEquals(6, member.get("cursor_start").getAsInt(), member.toString());
        assertEquals(9, member.get("cursor_end").getAsInt(), member.toString());
    }

    private static JsonObject complete(String code, int cursor) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("cursor_pos", cursor);
        KernelReply reply = kernel.request("complete_request", content);
        assertEquals("ok", reply.status(), reply.content().toString());
        return reply.content();
    }

    private static List<String> matches(JsonObject completeReply) {
        return completeReply.getAsJsonArray("matches").asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void completeTellsTheTypeAndSignatureOfEachMatch() {
        kernel.execute("String completedVariable = \"x\";");
        JsonObject println = completionType(complete("System.out.pri", 14), "println(");
        assertEquals("method", println.get("type").getAsString(), println.toString());
        assertTrue(println.get("signature").getAsString().matches("println\\(.*\\)"), println.toString());
        assertEquals(11, println.get("start").getAsInt(), println.toString());
        assertEquals(14, println.get("end").getAsInt(), println.toString());
        assertEquals("class", completionType(complete("Sys", 3), "System").get("type").getAsString());
        assertEquals("field", completionType(complete("Integer.MAX_", 12), "MAX_VALUE").get("type").getAsString());
        assertEquals("variable",
                completionType(complete("completedVar", 12), "completedVariable").get("type").getAsString());
    }

    private static JsonObject completionType(JsonObject completeReply, String text) {
        JsonArray types = completeReply.getAsJsonObject("metadata").getAsJsonArray("_jupyter_types_experimental");
        assertEquals(completeReply.getAsJsonArray("matches").size(), types.size(), completeReply.toString());
        return types.asList().stream().map(JsonElement::getAsJsonObject)
                .filter(type -> type.get("text").getAsString().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no type for " + text + ": " + completeReply));
    }

    @Test
    void inspectFindsTheSymbolWithTheCursorAnywhereInItsName() {
        kernel.execute("String greeting = \"hello\";\nint square(int v) { return v * v; }");
        assertInspects("Math.max|", "max(int");
        assertInspects("greeting.subs|tring(1)", "String.substring(int beginIndex)");
        assertInspects("greeting.substring(|1)", "String.substring(int beginIndex)");
        assertInspects("|greeting.length()", "greeting");
        assertInspects("squ|are(3)", "int square(int v)");
        assertInspects("Executors.newFixed|ThreadPool(4)", "Executors.newFixedThreadPool(int nThreads)");
    }

    @Test
    void inspectShowsTheJavadocOfTheProjectsApiInPlainTextAndMarkdown() {
        JsonObject data = inspectData("Po|ols.current()");
        assertTrue(data.get("text/plain").getAsString().contains("org.javaparallel.parallel.Pools"), data.toString());
        assertTrue(data.get("text/plain").getAsString().contains("kernel-wide pool"), data.toString());

        JsonObject current = inspectData("Pools.curr|ent()");
        String markdown = current.get("text/markdown").getAsString();
        assertTrue(markdown.matches("(?s)```java\n[^`]*Pools\\.current\\(\\)\n```\n.*"), markdown);
        assertTrue(markdown.contains("The current backend's pool."), markdown);
    }

    @Test
    void inspectShowsTheJavadocOfTheJdkWhenItsSourcesAreInstalled() {
        Assumptions.assumeTrue(Files.isReadable(Path.of(System.getProperty("java.home"), "lib/src.zip")),
                "the JDK's sources are not installed (Debian: openjdk-17-source)");
        String text = inspect("\"hello\".subs|tring(1)");
        assertTrue(text.contains("Returns a string that is a substring of this string"), text);
    }

    private static void assertInspects(String marked, String expected) {
        String text = inspect(marked);
        assertTrue(text.contains(expected), marked + " gave:\n" + text);
    }

    /** The text/plain of an inspect_request at the '|' in {@code marked}. */
    private static String inspect(String marked) {
        return inspectData(marked).get("text/plain").getAsString();
    }

    private static JsonObject inspectData(String marked) {
        JsonObject content = new JsonObject();
        content.addProperty("code", marked.replace("|", ""));
        content.addProperty("cursor_pos", marked.indexOf('|'));
        content.addProperty("detail_level", 0);
        JsonObject reply = kernel.request("inspect_request", content).content();
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        assertTrue(reply.get("found").getAsBoolean(), marked + ": " + reply);
        return reply.getAsJsonObject("data");
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalid() {
        assertEquals("complete", isComplete("int x = 1;"));
        assertEquals("incomplete", isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", isComplete(")"));
    }

    private static String isComplete(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        return kernel.request("is_complete_request", content).content().get("status").getAsString();
    }

    // ---------------------------------------------------------------- history, comm_info

    @Test
    void historyHasTheTailAndFindsBySearch() {
        String marker = "historyMarker" + System.nanoTime();
        kernel.execute("int " + marker + " = 5;");
        kernel.execute(marker + " * 2");

        JsonObject tail = new JsonObject();
        tail.addProperty("hist_access_type", "tail");
        tail.addProperty("n", 5);
        tail.addProperty("output", false);
        tail.addProperty("raw", true);
        List<String> tailInputs = historyInputs(kernel.request("history_request", tail).content());
        assertTrue(tailInputs.contains(marker + " * 2"), tailInputs.toString());

        JsonObject search = new JsonObject();
        search.addProperty("hist_access_type", "search");
        search.addProperty("pattern", "*" + marker + "*");
        search.addProperty("output", false);
        search.addProperty("raw", true);
        List<String> found = historyInputs(kernel.request("history_request", search).content());
        assertEquals(List.of("int " + marker + " = 5;", marker + " * 2"), found);
    }

    @Test
    void historyWithOutputPairsEachInputWithItsResult() {
        String marker = "outputMarker" + System.nanoTime();
        kernel.execute("String " + marker + " = \"forty\";");
        kernel.execute(marker + " + 2");

        JsonObject search = new JsonObject();
        search.addProperty("hist_access_type", "search");
        search.addProperty("pattern", "*" + marker + "*");
        search.addProperty("output", true);
        search.addProperty("raw", true);
        JsonObject reply = kernel.request("history_request", search).content();
        List<String> pairs = reply.getAsJsonArray("history").asList().stream()
                .map(entry -> entry.getAsJsonArray().get(2).toString()).toList();
        assertEquals(List.of("[\"String " + marker + " = \\\"forty\\\";\",null]", "[\"" + marker + " + 2\",\"forty2\"]"),
                pairs, reply.toString());
    }

    private static List<String> historyInputs(JsonObject reply) {
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        List<String> inputs = new ArrayList<>();
        for (JsonElement entry : reply.getAsJsonArray("history")) {
            inputs.add(((JsonArray) entry).get(2).getAsString());
        }
        return inputs;
    }

    @Test
    void commInfoAnswersWithTheOpenComms() {
        JsonObject reply = kernel.request("comm_info_request", new JsonObject()).content();
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        assertTrue(reply.get("comms").isJsonObject(), reply.toString());
    }

    // ---------------------------------------------------------------- interrupt

    @Test
    void interruptThroughTheClientStopsABusyLoop() {
        assertInterruptStopsBusyLoop(kernel::interruptViaClient);
    }

    @Test
    @Needs(Prerequisite.SIGINT_DELIVERED)
    void sigintStopsABusyLoop() {
        assertInterruptStopsBusyLoop(kernel::interruptViaSignal);
    }

    private static void assertInterruptStopsBusyLoop(Runnable interrupt) {
        kernel.execute("int keptAcrossInterrupt = 41;");
        String loop = kernel.sendExecute("while (true) {}");
        assertTrue(kernel.awaitIopub(loop, "execute_input", Duration.ofSeconds(10)));
        Pause.millis(500);
        long start = System.nanoTime();
        interrupt.run();
        ExecuteResult stopped = kernel.collect(loop, Duration.ofSeconds(1));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(stopped.raw().timedOut(), "the loop still ran 1 s after the interrupt: " + stopped.describe());
        assertTrue(millis <= 1500, "interrupt took " + millis + " ms");
        assertTrue(List.of("error", "abort").contains(stopped.status()), stopped.describe());
        assertEquals("42", kernel.execute("keptAcrossInterrupt + 1").resultText());
        assertEquals("2", kernel.execute("1+1").resultText());
    }

    /**
     * Stop pressed at once after Run: the interrupt may arrive while the cell is still being compiled, before
     * any of its code runs. Each delay and mode 20 times, while two other processes keep both cores busy.
     */
    @Test
    @Needs(Prerequisite.SIGINT_DELIVERED)
    void anInterruptRightAfterExecuteInputStopsTheCellEveryTime() throws IOException {
        kernel.execute("int keptAcrossEarlyInterrupts = 41;");
        List<Process> load = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                load.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            for (String mode : List.of("message", "signal")) {
                for (long delay : List.of(0L, 10L, 50L, 100L)) {
                    for (int round = 0; round < 20; round++) {
                        String loop = kernel.sendExecute("while (true) {}");
                        assertTrue(kernel.interruptAfter(loop, "execute_input", delay, mode), "no execute_input");
                        ExecuteResult stopped = kernel.collect(loop, Duration.ofMillis(1500));
                        if (stopped.raw().timedOut()) {
                            missed.add(mode + " after " + delay + " ms, round " + round);
                            kernel.interruptViaClient(); // a second Stop, so that the next round starts idle
                            kernel.collect(loop, Duration.ofSeconds(10));
                        }
                    }
                }
            }
        } finally {
            load.forEach(Process::destroyForcibly);
        }
        assertEquals(List.of(), missed, "interrupts that did not stop the cell within 1.5 s");
        assertEquals("42", kernel.execute("keptAcrossEarlyInterrupts + 1").resultText());
    }

    @Test
    void endlessPrintingIsInterruptedAndTheOutputCutWithANotice() {
        String spam = kernel.sendExecute("while (true) System.out.println(\"spam spam spam\");");
        assertTrue(kernel.awaitIopub(spam, "execute_input", Duration.ofSeconds(10)));
        Pause.millis(3000);
        kernel.interruptViaClient();
        ExecuteResult stopped = kernel.collect(spam, Duration.ofSeconds(10));
        assertFalse(stopped.raw().timedOut(), "no reply 10 s after the interrupt");
        assertTrue(kernel.isAlive(), kernel.kernelLog());
        String output = stopped.stdout() + stopped.stderr() + stopped.error().map(KernelError::text).orElse("");
        assertTrue(output.startsWith("spam spam spam\n"), stopped.describe());
        assertTrue(Pattern.compile("(?i)(truncat|output limit|cut|dropped|suppress|discard)").matcher(output).find(),
                "no notice that output was cut: " + stopped.describe());
        assertEquals("2", kernel.execute("1+1").resultText());
    }

    // ---------------------------------------------------------------- output volume and timing

    @Test
    void tenThousandLinesArriveCompleteInOrderInFewMessages() {
        ExecuteResult result = kernel.execute("for (int i = 0; i < 10000; i++) System.out.println(\"line \" + i);",
                Duration.ofSeconds(60));
        assertEquals("ok", result.status(), result.describe());
        List<String> expected = IntStream.range(0, 10000).mapToObj(i -> "line " + i).toList();
        List<String> lines = result.stdout().lines().toList();
        assertEquals(expected.size(), lines.size(), "lines received");
        assertEquals(expected, lines);
        assertTrue(result.streamMessageCount() < 200, result.streamMessageCount() + " stream messages");
    }

    @Test
    void outputOfABackgroundThreadKeepsTheParentOfTheCellThatStartedIt() {
        String marker = "late hello " + System.nanoTime();
        ExecuteResult starter = kernel.execute("""
                new Thread(() -> {
                    try { Thread.sleep(300); } catch (InterruptedException e) { return; }
                    System.out.println("%s");
                }).start();
                """.formatted(marker));
        assertEquals("ok", starter.status(), starter.describe());
        assertFalse(starter.stdout().contains(marker), "the thread printed before the cell returned");
        Pause.millis(800);
        ExecuteResult next = kernel.execute("1+1");
        assertFalse(next.stdout().contains(marker), "the late output went to the next cell: " + next.describe());

        String starterId = starter.raw().msgId();
        List<JsonObject> late = kernel.iopubLog(Duration.ofMillis(500)).stream()
                .filter(m -> m.get("msg_type").getAsString().equals("stream"))
                .filter(m -> m.getAsJsonObject("content").get("text").getAsString().contains(marker))
                .toList();
        assertEquals(1, late.size(), "late output messages: " + late);
        assertEquals(starterId, late.get(0).getAsJsonObject("parent_header").get("msg_id").getAsString());
    }

    @Test
    void aThreadThatNeverEndsDoesNotBlockTheNextCell() {
        ExecuteResult started = kernel.execute("""
                Thread forever = new Thread(() -> {
                    while (true) {
                        try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
                    }
                });
                forever.start();
                """, Duration.ofSeconds(10));
        assertEquals("ok", started.status(), started.describe());
        assertEquals("2", kernel.execute("1+1", Duration.ofSeconds(10)).resultText());
        kernel.execute("forever.interrupt();");
    }

    // ---------------------------------------------------------------- failures the kernel survives

    @Test
    void systemExitIsAnErrorAndTheKernelLives() {
        long pid = kernel.kernelPid();
        ExecuteResult result = kernel.execute("System.exit(3);");
        assertEquals("error", result.status(), result.describe());
        assertTrue(kernel.isAlive(), "the kernel died:\n" + kernel.kernelLog());
        assertEquals(pid, kernel.kernelPid());
        assertEquals("2", kernel.execute("1+1").resultText());
    }

    @Test
    void anArrayTooLargeForTheHeapIsAnOutOfMemoryError() {
        ExecuteResult result = kernel.execute("long[] huge = new long[Integer.MAX_VALUE - 8];");
        assertTrue(result.requireError().text().contains("OutOfMemoryError"), result.describe());
        assertEquals("2", kernel.execute("1+1").resultText());
    }

    @Test
    void fillingTheHeapIsAnOutOfMemoryErrorAndTheKernelRecovers() {
        kernel.execute("int survivesOom = 7;");
        kernel.execute("""
                void fillHeap() {
                    var blocks = new java.util.ArrayList<long[]>();
                    while (true) blocks.add(new long[16_000_000]);
                }""");
        ExecuteResult result = kernel.execute("fillHeap();", Duration.ofSeconds(120));
        assertTrue(result.requireError().text().contains("OutOfMemoryError"), result.describe());
        assertEquals("8", kernel.execute("survivesOom + 1").resultText());
    }

    @Test
    void infiniteRecursionIsAStackOverflowErrorAndTheKernelRecovers() {
        kernel.execute("int down(int n) { return down(n + 1) + 1; }");
        ExecuteResult result = kernel.execute("down(0)", Duration.ofSeconds(60));
        assertEquals("java.lang.StackOverflowError", result.requireError().ename(), result.describe());
        assertTrue(result.requireError().traceback().size() < 200, "traceback of "
                + result.requireError().traceback().size() + " lines");
        assertEquals("2", kernel.execute("1+1").resultText());
    }

    @Test
    void aMessageWithAWrongSignatureGetsNoReplyAndChangesNothing() {
        assertFalse(kernel.wrongSignatureGotReply(Duration.ofSeconds(2)), "the kernel answered a forged message");
        assertTrue(kernel.isAlive());
        assertEquals("2", kernel.execute("1+1").resultText());
    }

    // ---------------------------------------------------------------- magics

    @Test
    void lsmagicListsLineAndCellMagics() {
        ExecuteResult result = kernel.execute("%lsmagic");
        String listing = result.stdout() + result.resultData().map(Object::toString).orElse("");
        for (String magic : List.of("%time", "%%timeit", "%env", "%lsmagic")) {
            assertTrue(listing.contains(magic), magic + " missing from: " + result.describe());
        }
    }

    @Test
    void resourcesShowsCoresTheSlurmJobAndTheBackend() {
        ExecuteResult result = kernel.execute("%resources");
        assertEquals("ok", result.status(), result.describe());
        String cores = Runtime.getRuntime().availableProcessors() + " cores available";
        assertTrue(result.stdout().contains(cores), result.describe());
        assertTrue(result.stdout().contains("SLURM"), result.describe());
        assertTrue(result.stdout().contains("Backend: "), result.describe());
    }

    @Test
    void aBadBackendSpecListsTheValidFormsAndKeepsTheBackend() {
        String before = kernel.execute("%backend").stdout();
        ExecuteResult bad = kernel.execute("%backend gpus 4");
        assertEquals("error", bad.status(), bad.describe());
        assertTrue(bad.requireError().text().contains("processes"), bad.describe());
        assertEquals(before, kernel.execute("%backend").stdout());
    }

    @Test
    void anUnknownMagicSuggestsTheClosestOne() {
        ExecuteResult result = kernel.execute("%tiem 1+1");
        assertEquals("error", result.status(), result.describe());
        String text = result.requireError().text();
        assertTrue(text.contains("%tiem") && text.contains("%time"), text);
    }

    @Test
    void timeRunsTheCodeAndReportsWallTime() {
        ExecuteResult result = kernel.execute("%time 1+1");
        assertEquals("ok", result.status(), result.describe());
        assertTrue(result.stdout().contains("Wall time"), result.describe());
        assertEquals("2", result.resultText(), result.describe());
    }

    @Test
    void timeitReportsLikeIPython() {
        ExecuteResult result = kernel.execute("%%timeit -n 5 -r 2\nMath.sqrt(2.0);");
        assertEquals("ok", result.status(), result.describe());
        Pattern ipythonFormat = Pattern.compile(
                "[\\d.]+ \\S+ ± [\\d.]+ \\S+ per loop \\(mean ± std\\. dev\\. of 2 runs, 5 loops each[;)]");
        assertTrue(ipythonFormat.matcher(result.stdout()).find(), result.describe());
    }

    @Test
    void envSetsAndShowsAKernelVariable() {
        assertEquals("ok", kernel.execute("%env FOO=bar").status());
        ExecuteResult shown = kernel.execute("%env FOO");
        String text = shown.stdout() + shown.resultData().map(d -> d.get("text/plain").getAsString()).orElse("");
        assertTrue(text.contains("bar"), shown.describe());
    }

    @Test
    void envReachesWorkerJvmsStartedLater() {
        assertEquals("ok", kernel.execute("%env JP_WORKER_CHECK=42").status());
        ExecuteResult seen = kernel.execute("String workerSees;\n"
                + "try (Pool p = Pools.processes(1)) { workerSees = p.apply(() -> System.getenv(\"JP_WORKER_CHECK\")); }\n"
                + "workerSees");
        assertEquals("42", seen.resultText(), seen.describe());
    }

    @Test
    void aJarAddedWithJarsMagicIsUsableInCellsAndOnWorkerJvms(@TempDir Path directory) throws IOException {
        Path jar = LibraryJar.build(directory, "shout", "Shout",
                "package demo; public class Shout { public static String of(String s) { return s.toUpperCase() + \"!\"; } }");
        ExecuteResult added = kernel.execute("%jars " + jar);
        assertEquals("ok", added.status(), added.describe());
        assertTrue(added.stdout().contains("worker JVMs and Spark executors"), added.describe());
        ExecuteResult here = kernel.execute("demo.Shout.of(\"hi\")");
        assertEquals("HI!", here.resultText(), here.describe());
        ExecuteResult there = onTwoWorkerJvms("s -> demo.Shout.of(s)");
        assertEquals("[A!, B!]", there.resultText(), there.describe());
    }

    /** Maps {@code function} over "a" and "b" on a processes pool of two worker JVMs; the cell's value is the list. */
    private static ExecuteResult onTwoWorkerJvms(String function) {
        return kernel.execute("List<String> mapped;\n"
                + "try (Pool p = Pools.processes(2)) { mapped = p.map(" + function + ", List.of(\"a\", \"b\")); }\n"
                + "mapped");
    }

    @Test
    void aLibraryTheKernelBundlesCompilesOnFirstUseAfterAnAddedJar(@TempDir Path directory) throws IOException {
        Path jar = LibraryJar.build(directory, "greet", "Greet",
                "package demo; public class Greet { public static String hello(String s) { return \"hello \" + s; } }");
        try (JupyterClient own = JupyterClient.start(installed)) {
            assertEquals("ok", own.execute("%jars " + jar).status());
            assertEquals("hello a", own.execute("demo.Greet.hello(\"a\")").resultText());

            ExecuteResult imported = own.execute("import com.fasterxml.jackson.databind.ObjectMapper;\n"
                    + "new ObjectMapper().writeValueAsString(List.of(1, 2))");
            assertEquals("[1,2]", imported.resultText(), imported.describe());
            assertEquals("hello b", own.execute("demo.Greet.hello(\"b\")").resultText());

            ExecuteResult typo = own.execute("import java.utl.*;");
            assertEquals("error", typo.status(), typo.describe());
            assertTrue(typo.requireError().text().contains("package java.utl does not exist"), typo.describe());
        }
    }

    @Test
    void mavenAddsAnArtifactWithItsDependenciesForCellsAndWorkerJvms(@TempDir Path directory) throws IOException {
        String version = "1." + System.nanoTime(); // a version no cache has seen
        Path loud = LibraryJar.build(directory, "loud", "Loud",
                "package demo; public class Loud { public static String of(String s) { return s.toUpperCase(); } }");
        Path hello = LibraryJar.build(directory, "hello", "Hello", """
                package demo; public class Hello {
                    /** Greets {@code s} warmly. */
                    public static String to(String s) { return "hello " + s; }
                }""");
        Path oldCommonsIo = LibraryJar.build(directory, "old-io", "Old", "package demo; public class Old { }");
        MavenRepo repo = new MavenRepo(directory.resolve("repo"))
                .publish("org.javaparallel.it", "loud", version, loud, List.of())
                // the kernel's jars are matched by artifact name; a group of the test's own keeps ~/.m2 out of it
                .publish("org.javaparallel.it", "commons-io", "2.0.1", oldCommonsIo, List.of())
                .publish("org.javaparallel.it", "hello", version, hello,
                        List.of("org.javaparallel.it:loud:" + version, "org.javaparallel.it:commons-io:2.0.1"))
                .publishSources("org.javaparallel.it", "hello", version, LibraryJar.sources(directory, "hello"));

        ExecuteResult added = kernel.execute("%maven --no-central --repo " + repo.root() + " org.javaparallel.it:hello:" + version);
        assertEquals("ok", added.status(), added.describe());
        assertTrue(added.stdout().contains("3 jar(s)"), added.describe());
        assertTrue(added.stdout().contains("org.javaparallel.it:commons-io:2.0.1 (the kernel has commons-io-"), added.describe());
        assertEquals("error", kernel.execute("demo.Old.class").status(), "a left-out jar reached the cells");
        assertEquals("HELLO X", kernel.execute("demo.Loud.of(demo.Hello.to(\"x\"))").resultText());
        assertInspects("demo.Hello.t|o(\"x\")", "Greets");
        ExecuteResult there = onTwoWorkerJvms("s -> demo.Loud.of(demo.Hello.to(s))");
        assertEquals("[HELLO A, HELLO B]", there.resultText(), there.describe());

        ExecuteResult missing = kernel.execute("%maven --no-central --repo " + repo.root() + " org.javaparallel.it:absent:1.0");
        assertEquals("error", missing.status(), missing.describe());
        assertTrue(missing.requireError().text().contains("org.javaparallel.it:absent:1.0"), missing.describe());
        ExecuteResult malformed = kernel.execute("%maven commons-math3");
        assertTrue(malformed.requireError().text().contains("group:artifact:version"), malformed.describe());
    }

    // ---------------------------------------------------------------- lifecycle (own kernels)

    @Test
    void shutdownRequestEndsTheKernelProcess() throws IOException {
        try (JupyterClient own = JupyterClient.start(installed)) {
            JsonObject answer = own.shutdown(Duration.ofSeconds(15));
            JsonObject reply = answer.getAsJsonObject("reply");
            assertNotNull(reply, "no shutdown_reply: " + answer);
            assertEquals("ok", reply.getAsJsonObject("content").get("status").getAsString(), reply.toString());
            assertFalse(reply.getAsJsonObject("content").get("restart").getAsBoolean());
            assertTrue(answer.get("exited").getAsBoolean(), "the kernel process did not end: " + answer);
        }
    }

    @Test
    void restartForgetsDefinitionsAndTheKernelWorks() throws IOException {
        try (JupyterClient own = JupyterClient.start(installed)) {
            own.execute("int beforeRestart = 1;");
            long oldPid = own.kernelPid();
            JsonObject info = own.restart();
            assertEquals("ok", info.getAsJsonObject("content").get("status").getAsString());
            if (own.kernelPid() == oldPid) {
                fail("restart kept the old process " + oldPid);
            }
            assertEquals("error", own.execute("beforeRestart").status());
            assertEquals("2", own.execute("1+1").resultText());
        }
    }
}
