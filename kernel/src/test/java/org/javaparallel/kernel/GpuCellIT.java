package org.javaparallel.kernel;

import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.javaparallel.gpu.OpenCl;
import org.javaparallel.gpu.OpenClDevice;
import org.javaparallel.kernel.testing.ExecuteResult;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.JupyterClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kernel function defined in a notebook cell, translated to OpenCL and run on this machine's OpenCL device (PoCL
 * in CI): Aparapi can translate it only when it gets the cell class's bytecode as javac compiled it.
 */
@Needs({Prerequisite.DEBIAN_JUPYTER, Prerequisite.OPENCL})
class GpuCellIT {
    private static JupyterClient kernel;
    private static OpenClDevice device;

    @BeforeAll
    static void startKernel() throws IOException {
        device = OpenCl.best().orElseThrow();
        kernel = JupyterClient.start(InstalledKernel.get());
    }

    @AfterAll
    static void stopKernel() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void aFunctionDefinedInACellRunsOnTheOpenClDeviceAndEqualsJava() {
        ok("""
                import org.javaparallel.gpu.*;
                class F extends DoubleElementwise {
                    public double apply(double x, double y) { return x * x * x + 4 * Math.sin(y); }
                }
                var f = new F();
                double[] x = new Random(1).doubles(100_000, -10, 10).toArray();
                double[] y = new Random(2).doubles(100_000, -10, 10).toArray();
                """);

        ExecuteResult run = ok("var run = f.onDevice(x, y); run");
        assertTrue(run.resultText().startsWith("100,000 values on " + device.describe()), run.describe());

        ExecuteResult compared = ok("""
                double[] onCpu = f.threads(x, y);
                double largest = 0;
                for (int i = 0; i < onCpu.length; i++) {
                    largest = Math.max(largest, Math.abs(onCpu[i] - run.values()[i]) / Math.max(1, Math.abs(onCpu[i])));
                }
                System.out.println("on OpenCL: " + run.onOpenCl() + ", equal to Java: " + (largest < 1e-12));
                """);
        assertEquals("on OpenCL: true, equal to Java: true\n", compared.stdout(), compared.describe());
        ok("f.close();");
    }

    @Test
    void resourcesListsTheOpenClDevices() {
        ExecuteResult result = ok("%resources");
        assertTrue(result.stdout().contains("OpenCL devices (the first one runs GPU code):\n  " + device.describe()),
                result.describe());
    }

    private static ExecuteResult ok(String cell) {
        ExecuteResult result = kernel.execute(cell);
        assertEquals("ok", result.status(), result.describe());
        return result;
    }
}
