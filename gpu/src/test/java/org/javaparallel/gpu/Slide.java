package org.javaparallel.gpu;

import java.util.Random;

/** The course slide's function, f(x, y) = x³ + 4·sin(y), and arguments for it. */
class Slide extends DoubleElementwise {
    @Override
    public double apply(double x, double y) {
        return x * x * x + 4 * Math.sin(y);
    }

    /** {@code n} values in [-10, 10), the same for the same seed. */
    static double[] arguments(int n, long seed) {
        return new Random(seed).doubles(n, -10, 10).toArray();
    }

    /**
     * The largest difference between the two, relative to the value where it exceeds 1: OpenCL's sin may differ from
     * Java's by a few units in the last place, and the device may fuse x·x·x differently.
     */
    static double largestRelativeDifference(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("lengths differ: " + expected.length + " and " + actual.length);
        }
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i])));
        }
        return largest;
    }
}
