package org.javaparallel.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.ToolRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A notebook executed headless by nbconvert, as a course's grading script would, on the installed kernel. */
@Needs(Prerequisite.DEBIAN_JUPYTER)
class NotebookIT {

    @Test
    void nbconvertExecutesTheSmokeNotebook() throws Exception {
        InstalledKernel kernel = InstalledKernel.get();
        Path work = kernel.scratchDirectory("nbconvert");
        Path notebook = kernel.projectRoot().resolve("kernel/src/test/resources/notebooks/smoke.ipynb");

        ToolRun.run(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=120", "--output-dir", work.toString(), "--output", "executed",
                        notebook.toString()),
                kernel.jupyterEnvironment(work), work, Duration.ofMinutes(4)).requireSuccess();

        JsonArray cells = JsonParser.parseString(Files.readString(work.resolve("executed.ipynb")))
                .getAsJsonObject().getAsJsonArray("cells");
        assertEquals("answer = 42\n", streamText(outputs(cells, 1)));
        assertEquals("42", resultText(outputs(cells, 2)));
        assertTrue(outputs(cells, 3).stream().anyMatch(o -> o.get("output_type").getAsString().equals("display_data")
                && joined(o.getAsJsonObject("data").get("text/html")).equals("<b>from java</b>")), outputs(cells, 3).toString());
        assertEquals("5050", resultText(outputs(cells, 4)));
    }

    private static List<JsonObject> outputs(JsonArray cells, int index) {
        JsonObject cell = cells.get(index).getAsJsonObject();
        return StreamSupport.stream(cell.getAsJsonArray("outputs").spliterator(), false)
                .map(JsonElement::getAsJsonObject).toList();
    }

    private static String streamText(List<JsonObject> outputs) {
        return outputs.stream().filter(o -> o.get("output_type").getAsString().equals("stream"))
                .map(o -> joined(o.get("text"))).collect(Collectors.joining());
    }

    private static String resultText(List<JsonObject> outputs) {
        return outputs.stream().filter(o -> o.get("output_type").getAsString().equals("execute_result"))
                .map(o -> joined(o.getAsJsonObject("data").get("text/plain")))
                .findFirst().orElseThrow(() -> new AssertionError("no execute_result in " + outputs));
    }

    /** nbformat stores multi-line strings as a list of lines. */
    private static String joined(JsonElement text) {
        if (text == null) {
            return "";
        }
        if (text.isJsonArray()) {
            return StreamSupport.stream(text.getAsJsonArray().spliterator(), false)
                    .map(JsonElement::getAsString).collect(Collectors.joining());
        }
        return text.getAsString();
    }
}
