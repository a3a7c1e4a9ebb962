package org.javaparallel.gpu;

import java.util.Arrays;

/** Runs the slide's function on the best device and says where it ran; {@link NoOpenClTest} starts it in a JVM. */
final class SlideMain {
    private SlideMain() {
    }

    public static void main(String[] args) {
        double[] x = Slide.arguments(10_000, 1);
        double[] y = Slide.arguments(10_000, 2);
        System.out.print(OpenCl.report());
        try (Slide f = new Slide()) {
            DeviceRun run = f.onDevice(x, y);
            System.out.println(run);
            System.out.println("onOpenCl=" + run.onOpenCl() + " equalToSerial=" + Arrays.equals(f.serial(x, y), run.values()));
        }
    }
}
