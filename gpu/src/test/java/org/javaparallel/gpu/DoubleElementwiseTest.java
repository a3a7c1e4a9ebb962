package org.javaparallel.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The slide's function on Java threads and on this machine's OpenCL device (PoCL in CI, which .ci/run installs). */
class DoubleElementwiseTest {
    private static final int N = 100_000;
    private static final double[] X = Slide.arguments(N, 1);
    private static final double[] Y = Slide.arguments(N, 2);

    @BeforeAll
    static void anOpenClDeviceIsInstalled() {
        // CI installs PoCL, so there a missing device is a broken set-up; elsewhere these tests are skipped, saying
        // what to install (as the kernel's integration tests do for their prerequisites)
        String needed = "needs an OpenCL device; install with: sudo apt-get install pocl-opencl-icd ocl-icd-libopencl1"
                + " (" + OpenCl.report() + ")";
        assumeTrue("true".equalsIgnoreCase(System.getenv("CI")) || !OpenCl.devices().isEmpty(), needed);
        assertFalse(OpenCl.devices().isEmpty(), needed);
    }

    @Test
    void threadsComputeWhatTheSerialLoopComputes() {
        try (Slide f = new Slide()) {
            double[] serial = f.serial(X, Y);
            assertEquals(Math.pow(X[7], 3) + 4 * Math.sin(Y[7]), serial[7], 1e-9);
            assertArrayEquals(serial, f.threads(X, Y));
        }
    }

    @Test
    void theDeviceComputesWhatJavaComputesAndIsNamed() {
        try (Slide f = new Slide()) {
            DeviceRun run = f.onDevice(X, Y);

            assertTrue(run.onOpenCl(), run.toString());
            assertEquals(OpenCl.best().orElseThrow().describe(), run.ranOn());
            assertTrue(run.toString().contains(OpenCl.best().orElseThrow().name()), run.toString());
            assertTrue(Slide.largestRelativeDifference(f.serial(X, Y), run.values()) < 1e-12, run.toString());
            assertTrue(run.withCopies().toNanos() > 0 && run.withoutCopies().toNanos() > 0, run.toString());
        }
    }

    @Test
    void aSecondRunReusesTheCompiledKernelOnNewArrays() {
        try (Slide f = new Slide()) {
            f.onDevice(X, Y);
            double[] shorter = Slide.arguments(1000, 3);
            DeviceRun second = f.onDevice(shorter, shorter);
            assertTrue(second.onOpenCl(), second.toString());
            assertTrue(Slide.largestRelativeDifference(f.serial(shorter, shorter), second.values()) < 1e-12);
        }
    }

    @Test
    void aFunctionOpenClCannotExpressRunsOnJavaThreadsAndSaysWhy() {
        try (DoubleElementwise digits = new DoubleElementwise() {
            @Override
            public double apply(double x, double y) {
                return String.valueOf(x).length() + y; // objects and their methods have no OpenCL translation
            }
        }) {
            DeviceRun run = digits.onDevice(X, Y);

            assertFalse(run.onOpenCl(), run.toString());
            assertTrue(run.ranOn().contains("Aparapi cannot translate"), run.ranOn());
            assertArrayEquals(digits.serial(X, Y), run.values());
        }
    }

    @Test
    void arraysOfDifferentLengthsAreRefused() {
        try (Slide f = new Slide()) {
            assertThrows(IllegalArgumentException.class, () -> f.onDevice(X, new double[3]));
        }
    }
}
