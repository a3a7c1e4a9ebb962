package org.javaparallel.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.LabVenv;
import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.PytestReport;
import org.javaparallel.kernel.testing.ToolRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * JupyterLab's debugger protocol (debug_request on the control channel, debug_event on iopub) through
 * jupyter_client 8, as JupyterLab drives it: the scenarios of {@code kernel/src/test/python/debugger/}, each on
 * ipykernel with debugpy (the lab venv's python3 kernel, the reference for the messages) and on the installed Java
 * kernel; the Java-only ones (a pool's threads, {@code new Thread}) on the Java kernel alone.
 */
@Needs(Prerequisite.PYTHON_VENV)
class DebuggerIT {

    @TestFactory
    Stream<DynamicTest> theDebuggerProtocol() throws Exception {
        InstalledKernel kernel = InstalledKernel.get();
        Path python = LabVenv.get(kernel.projectRoot()).python();
        Path work = kernel.scratchDirectory("debugger");
        Path report = work.resolve("pytest-report.xml");
        Map<String, String> env = kernel.jupyterEnvironment(work);
        env.put("PYTHONDONTWRITEBYTECODE", "1");  // no __pycache__ in the source folder
        ToolRun run = ToolRun.run(List.of(python.toString(), "-m", "pytest", "-p", "no:cacheprovider", "-v", "-rA",
                        "--junitxml=" + report, kernel.testScript("debugger").toString()),
                env, work, Duration.ofMinutes(15));
        return PytestReport.tests(run, report, "debugger protocol tests").stream();
    }
}
