package org.javaparallel.kernel;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a student does: open a notebook in the browser, pick the Java kernel, run a cell, read the output. */
@Needs({Prerequisite.DEBIAN_JUPYTER, Prerequisite.CLASSIC_NOTEBOOK_BROWSER})
class BrowserIT {

    @Test
    void aCellRunInTheClassicNotebookShowsItsOutputOnThePage() throws Exception {
        InstalledKernel kernel = InstalledKernel.get();
        Path work = kernel.scratchDirectory("browser");
        String code = "String where = \"browser\";\nSystem.out.println(\"hello from the \" + where);\n6 * 7";

        Path result = work.resolve("result.json");
        ToolRun.run(List.of("/usr/bin/python3", kernel.testScript("browser_notebook.py").toString(),
                        "--dir", work.toString(), "--kernel", InstalledKernel.KERNEL_NAME, "--code", code,
                        "--expect", "hello from the browser", "--expect", "42", "--timeout", "120",
                        "--result", result.toString(),
                        "--screenshot", work.resolve("notebook.png").toString()),
                kernel.jupyterEnvironment(work), work, Duration.ofMinutes(5)).requireSuccess();

        JsonObject page = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        assertEquals(InstalledKernel.KERNEL_NAME, page.get("kernel").getAsString());
        String output = page.get("output").getAsString();
        assertTrue(output.contains("hello from the browser") && output.contains("42"), output);
    }
}
