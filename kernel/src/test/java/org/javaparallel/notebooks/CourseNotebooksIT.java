package org.javaparallel.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.ToolRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every course notebook in {@code notebooks/}, executed headless by nbconvert at small scale on the installed
 * kernel: no cell may fail unless it is tagged {@code raises-exception}, and a few outputs that carry a
 * notebook's point are checked.
 */
@Needs(Prerequisite.DEBIAN_JUPYTER)
class CourseNotebooksIT {

    /** Checks on the outputs of one notebook, by name without .ipynb; notebooks not listed get the error check only. */
    private static final Map<String, Consumer<ExecutedNotebook>> KEY_OUTPUTS = Map.ofEntries(
            Map.entry("00-tour", nb -> {
                nb.requireText("42");
                nb.requireOutput("image/png");
                nb.requireText("Wall time:");
            }),
            Map.entry("01-why-is-it-slow", nb -> nb.requireText("ns per element")),
            Map.entry("02-concurrency-vs-parallelism", nb -> nb.requireText("same result: true")),
            Map.entry("03-threads", nb -> {
                nb.requireText("threads result equals serial: true");
                nb.requireText("AtomicInteger: ");
                nb.forbidText("(correct: false)");
            }),
            Map.entry("04-worker-processes", nb -> {
                nb.requireText("processes result equals serial: true");
                nb.requireText("in the kernel it is still 5");
            }),
            Map.entry("05-pool-api-on-every-backend", nb -> {
                nb.requireText("same results as on threads: true");
                nb.forbidText("same results as on threads: false");
                nb.requireText("java.lang.ArithmeticException: / by zero");
            }),
            Map.entry("06-futures-and-executors", nb -> nb.requireText("the task failed with: java.lang.NumberFormatException")),
            Map.entry("07-load-balancing", nb -> nb.requireOutput("image/png")),
            Map.entry("08-jit-and-simd", nb -> {
                nb.requireText("JIT with auto-vectorisation (default)");
                nb.requireText("largest difference between the two results");
            }),
            Map.entry("09-spark-local", nb -> nb.requireText("Spark tasks")),
            Map.entry("10-randomized-search", nb -> {
                nb.requireText("Fitting 3 folds for each of 2 candidates, totalling 6 fits");
                nb.requireText("same best candidate on every backend: true");
            }),
            Map.entry("11-spark-cluster-on-slurm", nb -> {
                if (nb.allText().contains("SLURM is not available on this machine")) {
                    return; // the notebook skips its cluster cells, which requireNoErrors checked
                }
                nb.requireText("same results as in the kernel: true");
                nb.requireText("Fitting 3 folds for each of 4 candidates, totalling 12 fits");
                nb.requireText("Spark JVMs of the job still running on this node: 0");
                nb.requireText("remains");
                nb.forbidText("still in the queue: true");
            }));

    @TestFactory
    Stream<DynamicTest> everyNotebookExecutesAtSmallScale() throws IOException {
        InstalledKernel kernel = InstalledKernel.get();
        Path folder = kernel.projectRoot().resolve("notebooks");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(folder)) {
            notebooks = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no NN-*.ipynb notebooks in " + folder);
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> {
            ExecutedNotebook executed = execute(kernel, notebook);
            executed.requireNoErrors();
            String name = notebook.getFileName().toString().replace(".ipynb", "");
            KEY_OUTPUTS.getOrDefault(name, nb -> { }).accept(executed);
        }));
    }

    private static ExecutedNotebook execute(InstalledKernel kernel, Path notebook) throws Exception {
        Path work = kernel.scratchDirectory("course-notebook");
        Map<String, String> environment = new HashMap<>(kernel.jupyterEnvironment(work));
        environment.put("JP_NOTEBOOK_SCALE", "small");
        ToolRun.run(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=300", "--output-dir", work.toString(), "--output", "executed",
                        notebook.toString()),
                environment, work, Duration.ofMinutes(5)).requireSuccess();
        return new ExecutedNotebook(notebook.getFileName().toString(),
                JsonParser.parseString(Files.readString(work.resolve("executed.ipynb"))).getAsJsonObject());
    }

    /** The cells of an executed notebook and the checks made on their outputs. */
    private record ExecutedNotebook(String name, JsonObject json) {

        List<JsonObject> codeCells() {
            return StreamSupport.stream(json.getAsJsonArray("cells").spliterator(), false)
                    .map(JsonElement::getAsJsonObject)
                    .filter(cell -> cell.get("cell_type").getAsString().equals("code")).toList();
        }

        static List<JsonObject> outputs(JsonObject cell) {
            return StreamSupport.stream(cell.getAsJsonArray("outputs").spliterator(), false)
                    .map(JsonElement::getAsJsonObject).toList();
        }

        static boolean mayFail(JsonObject cell) {
            JsonObject metadata = cell.getAsJsonObject("metadata");
            return metadata != null && metadata.has("tags")
                    && metadata.get("tags").toString().contains("\"raises-exception\"");
        }

        void requireNoErrors() {
            for (JsonObject cell : codeCells()) {
                if (mayFail(cell)) {
                    continue;
                }
                for (JsonObject output : outputs(cell)) {
                    if (output.get("output_type").getAsString().equals("error")) {
                        fail(name + ": cell " + joined(cell.get("source")) + "\nproduced " + output);
                    }
                }
            }
        }

        /** Everything the cells printed or returned as text. */
        String allText() {
            return codeCells().stream().flatMap(cell -> outputs(cell).stream()).map(output -> {
                if (output.has("text")) {
                    return joined(output.get("text"));
                }
                JsonObject data = output.getAsJsonObject("data");
                return data != null && data.has("text/plain") ? joined(data.get("text/plain")) : "";
            }).collect(Collectors.joining("\n"));
        }

        void requireText(String expected) {
            assertTrue(allText().contains(expected), name + " printed no '" + expected + "':\n" + allText());
        }

        void forbidText(String unexpected) {
            assertFalse(allText().contains(unexpected), name + " printed '" + unexpected + "':\n" + allText());
        }

        void requireOutput(String mimeType) {
            boolean found = codeCells().stream().flatMap(cell -> outputs(cell).stream())
                    .anyMatch(output -> output.has("data") && output.getAsJsonObject("data").has(mimeType));
            assertTrue(found, name + " has no " + mimeType + " output");
        }

        /** nbformat stores multi-line strings as a list of lines. */
        private static String joined(JsonElement text) {
            if (text.isJsonArray()) {
                return StreamSupport.stream(text.getAsJsonArray().spliterator(), false)
                        .map(JsonElement::getAsString).collect(Collectors.joining());
            }
            return text.getAsString();
        }
    }
}
