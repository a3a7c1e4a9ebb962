package org.javaparallel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The slide's function on a GPU, where one has an OpenCL driver installed; skipped, with the reason, elsewhere. */
class GpuDeviceTest {
    @Test
    void aGpuIsChosenAndComputesWhatJavaComputes() {
        assumeTrue(OpenCl.devices().stream().anyMatch(device -> device.type() == OpenClDevice.Type.GPU),
                () -> "no GPU among this machine's OpenCL devices " + OpenCl.devices()
                        + "; this test runs where a GPU's OpenCL driver (ICD) is installed");
        double[] x = Slide.arguments(10_000_000, 1);
        double[] y = Slide.arguments(10_000_000, 2);
        try (Slide f = new Slide()) {
            DeviceRun run = f.onDevice(x, y);
            System.out.println("GpuDeviceTest: " + run);

            assertEquals(OpenClDevice.Type.GPU, OpenCl.best().orElseThrow().type());
            assertTrue(run.onOpenCl() && run.ranOn().startsWith("OpenCL GPU "), run.toString());
            assertTrue(Slide.largestRelativeDifference(f.threads(x, y), run.values()) < 1e-12, run.toString());
        }
    }
}
