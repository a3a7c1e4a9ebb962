package org.javaparallel.kernel;

import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.LabVenv;
import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.PytestReport;
import org.javaparallel.kernel.testing.ToolRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a student does in JupyterLab 4, in headless Debian Chromium driven by Playwright: the tests in
 * {@code kernel/src/test/python/lab/}, run by pytest from the pinned lab venv ({@link LabVenv}) on the installed
 * kernel. Each pytest test is reported here as a test of its own, so one failure stays one failure. Screenshots
 * of every step are in {@code kernel/target/lab-screenshots}. To run some of them only, give pytest a {@code -k}
 * expression through its environment, e.g. {@code PYTEST_ADDOPTS="-k debugger" ./mvnw ... -Dit.test=JupyterLabIT}.
 */
@Needs(Prerequisite.JUPYTERLAB_BROWSER)
class JupyterLabIT {

    @TestFactory
    Stream<DynamicTest> theKernelInJupyterLab() throws Exception {
        InstalledKernel kernel = InstalledKernel.get();
        Path root = kernel.projectRoot();
        Path python = LabVenv.get(root).python();
        Path work = kernel.scratchDirectory("jupyterlab");
        Path screenshots = root.resolve("kernel/target/lab-screenshots");
        deleteRecursively(screenshots);  // only this run's screenshots, none left over from an older run
        Path report = work.resolve("pytest-report.xml");

        Map<String, String> env = kernel.jupyterEnvironment(work);
        env.put("LAB_WORK", work.toString());
        env.put("LAB_SCREENSHOTS", screenshots.toString());
        env.put("PROJECT_ROOT", root.toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");  // no __pycache__ in the source folder
        ToolRun run = ToolRun.run(List.of(python.toString(), "-m", "pytest", "-p", "no:cacheprovider", "-v", "-rA",
                        "--junitxml=" + report, kernel.testScript("lab").toString()),
                env, work, Duration.ofMinutes(15));
        return PytestReport.tests(run, report, "JupyterLab tests").stream();
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
