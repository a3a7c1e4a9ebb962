package org.javaparallel.kernel;

import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.LabVenv;
import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.ToolRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

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
        // pytest exits with 1 when tests failed (reported one by one below); anything else means it did not run them
        if ((run.exitCode() != 0 && run.exitCode() != 1) || !Files.isRegularFile(report)) {
            throw new AssertionError("pytest did not run the JupyterLab tests (exit code " + run.exitCode() + "):\n"
                    + run.output());
        }
        List<DynamicTest> tests = testsOf(report, run.output());
        if (tests.isEmpty()) {
            throw new AssertionError("pytest found no JupyterLab tests:\n" + run.output());
        }
        return tests.stream();
    }

    /** One dynamic test per pytest test case, failing with pytest's message and the run's output. */
    private static List<DynamicTest> testsOf(Path report, String output) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String name = testCase.getAttribute("name");
            Element failure = firstChild(testCase, "failure", "error");
            Element skipped = firstChild(testCase, "skipped");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                if (failure != null) {
                    throw new AssertionFailedError(name + ": " + failure.getAttribute("message") + "\n"
                            + failure.getTextContent() + "\n--- pytest output ---\n" + output);
                }
                if (skipped != null) {  // an xfail: a feature the kernel does not have yet
                    throw new TestAbortedException(name + ": " + skipped.getAttribute("message"));
                }
            }));
        }
        return tests;
    }

    private static Element firstChild(Element parent, String... tags) {
        for (String tag : tags) {
            NodeList children = parent.getElementsByTagName(tag);
            if (children.getLength() > 0) {
                return (Element) children.item(0);
            }
        }
        return null;
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
