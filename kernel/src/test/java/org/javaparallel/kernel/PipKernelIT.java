package org.javaparallel.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.ProjectRoot;
import org.javaparallel.kernel.testing.ToolRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pip path of the README, as a student whose JupyterLab lives in a venv takes it: the wheel of python/ (built
 * from the jars that {@code package} made) goes into a fresh venv of Debian's Python, {@code python -m java_parallel
 * install --sys-prefix} writes the kernelspec, and jupyter_client in that venv starts the kernel, which finds a
 * JDK on its own and runs a cell, a map on worker JVMs and a Spark job. The venv's bin is the whole PATH, so
 * neither Maven nor a java on PATH can help; PyPI must be reachable (hatchling, jupyter_client).
 */
@Needs(Prerequisite.PYTHON_VENV)
class PipKernelIT {
    private static final String DEBIAN_PYTHON = "/usr/bin/python3";
    private static final String JUPYTER_CLIENT = "jupyter_client==8.6.3";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void wheelInAFreshVenvGivesAKernelThatRunsCellsWorkerJvmsAndSpark() throws Exception {
        Path root = ProjectRoot.find();
        Path work = Files.createTempDirectory(Files.createDirectories(root.resolve("kernel/target/it-work")), "pip-");
        Path venv = work.resolve("venv");
        Path python = venv.resolve("bin/python");
        List<String> timings = new ArrayList<>();

        step(timings, "venv", List.of(DEBIAN_PYTHON, "-m", "venv", venv.toString()), work, Map.of());
        Map<String, String> environment = venvOnlyEnvironment(venv, work);
        Path dist = work.resolve("dist");
        step(timings, "wheel", List.of(python.toString(), "-m", "pip", "wheel", "--no-deps", "-w", dist.toString(),
                root.resolve("python").toString()), work, environment);
        Path wheel = onlyWheel(dist);
        step(timings, "pip install", List.of(python.toString(), "-m", "pip", "install", wheel.toString(),
                JUPYTER_CLIENT), work, environment);
        step(timings, "kernelspec", List.of(python.toString(), "-m", "java_parallel", "install", "--sys-prefix"),
                work, environment);
        String output = step(timings, "cells", List.of(python.toString(),
                root.resolve("kernel/src/test/python/pip_kernel_cells.py").toString(),
                "6*7",
                "Pools.processes(2).map(x -> x * x, List.of(1, 2, 3))",
                "%backend spark local[2]",
                "Pools.current().map(x -> x + 1, List.of(1, 2, 3))"), work, environment);
        System.out.println("PipKernelIT timings: " + String.join(", ", timings));

        String json = output.lines().filter(line -> line.startsWith("{\"resource_dir\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no result line in:\n" + output));
        JsonObject result = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(venv.resolve("share/jupyter/kernels/java-parallel").toString(),
                result.get("resource_dir").getAsString(), "the kernelspec Jupyter found is not the venv's");
        JsonArray cells = result.getAsJsonArray("cells");
        for (var cell : cells) {
            assertEquals("ok", cell.getAsJsonObject().get("status").getAsString(), cell.toString());
        }
        assertEquals("42", text(cells, 0, "result"));
        assertEquals("[1, 4, 9]", text(cells, 1, "result"));
        assertTrue(text(cells, 2, "stream").startsWith("spark(local[2]"), cells.get(2).toString());
        assertEquals("[2, 3, 4]", text(cells, 3, "result"));
    }

    /** The venv's bin as the whole PATH; Jupyter's own folders in the test's directory, so no user kernelspec wins. */
    private static Map<String, String> venvOnlyEnvironment(Path venv, Path work) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", venv.resolve("bin").toString());
        environment.put("VIRTUAL_ENV", venv.toString());
        for (String variable : List.of("JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR")) {
            environment.put(variable, Files.createDirectories(work.resolve(variable.toLowerCase())).toString());
        }
        environment.put("JUPYTER_PATH", "");
        return environment;
    }

    private static String step(List<String> timings, String name, List<String> command, Path work,
                               Map<String, String> environment) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ToolRun run = ToolRun.run(command, environment, work, STEP_TIMEOUT).requireSuccess();
        timings.add(String.format("%s %.1f s", name, (System.nanoTime() - start) / 1e9));
        return run.output();
    }

    private static Path onlyWheel(Path dist) throws IOException {
        try (Stream<Path> files = Files.list(dist)) {
            List<Path> wheels = files.filter(file -> file.toString().endsWith(".whl")).toList();
            assertEquals(1, wheels.size(), wheels.toString());
            return wheels.get(0);
        }
    }

    private static String text(JsonArray cells, int index, String field) {
        var value = cells.get(index).getAsJsonObject().get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
