package org.javaparallel.kernel.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A pytest run's JUnit XML report as JUnit dynamic tests: one per pytest test, so one failure stays one failure. */
public final class PytestReport {
    private PytestReport() {
    }

    /**
     * The tests of a finished pytest run.
     *
     * @param run the pytest run (exit code 1 means some tests failed, which the tests report one by one)
     * @param report its {@code --junitxml} report
     * @param what what the tests are, for the messages
     * @return one dynamic test per pytest test, failing with pytest's message and the run's output
     * @throws Exception when the report cannot be read
     */
    public static List<DynamicTest> tests(ToolRun run, Path report, String what) throws Exception {
        if ((run.exitCode() != 0 && run.exitCode() != 1) || !Files.isRegularFile(report)) {
            throw new AssertionError("pytest did not run the " + what + " (exit code " + run.exitCode() + "):\n"
                    + run.output());
        }
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
                            + failure.getTextContent() + "\n--- pytest output ---\n" + run.output());
                }
                if (skipped != null) {  // an xfail: a feature the kernel does not have yet
                    throw new TestAbortedException(name + ": " + skipped.getAttribute("message"));
                }
            }));
        }
        if (tests.isEmpty()) {
            throw new AssertionError("pytest found no " + what + ":\n" + run.output());
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
}
