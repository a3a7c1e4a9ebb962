package org.javaparallel.magic;

import java.util.Locale;

/**
 * The measuring loop of {@code %timeit}, called from the code the magic generates so that the body is
 * compiled once and runs as cell code (interruptible, its output in the cell). The JIT compiles hot code
 * after some calls, so warm-up calls run first and are not counted.
 */
public final class Timeit {
    private static final double WARM_UP_SECONDS = 0.2;
    private static final double TARGET_RUN_SECONDS = 0.2;
    private static final int MAX_AUTO_LOOPS = 1_000_000_000;

    private Timeit() {
    }

    /** {@code loops} or {@code runs} below 1 mean "choose", like IPython (7 runs; loops so a run takes 0.2 s). */
    public static void measure(int loops, int runs, Runnable body) {
        int warmUpCalls = warmUp(body);
        int n = loops > 0 ? loops : calibrate(body);
        int r = runs > 0 ? runs : 7;
        double[] perLoop = new double[r];
        for (int run = 0; run < r; run++) {
            perLoop[run] = timeLoops(body, n) / n;
        }
        String line = format(perLoop, n, warmUpCalls);
        System.out.println(line);
    }

    private static int warmUp(Runnable body) {
        long end = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        int calls = 0;
        do {
            body.run();
            calls++;
        } while (System.nanoTime() < end);
        return calls;
    }

    private static int calibrate(Runnable body) {
        int loops = 1;
        while (loops < MAX_AUTO_LOOPS && timeLoops(body, loops) < TARGET_RUN_SECONDS) {
            loops *= 10;
        }
        return loops;
    }

    private static double timeLoops(Runnable body, int loops) {
        long start = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            body.run();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static String format(double[] perLoop, int loops, int warmUpCalls) {
        double mean = 0;
        for (double value : perLoop) {
            mean += value;
        }
        mean /= perLoop.length;
        double variance = 0;
        for (double value : perLoop) {
            variance += (value - mean) * (value - mean);
        }
        double std = Math.sqrt(variance / perLoop.length);
        return String.format(Locale.ROOT, "%s ± %s per loop (mean ± std. dev. of %d run%s, %d loop%s each; "
                        + "after %d warm-up call%s)",
                Durations.format(mean), Durations.format(std), perLoop.length, perLoop.length == 1 ? "" : "s",
                loops, loops == 1 ? "" : "s", warmUpCalls, warmUpCalls == 1 ? "" : "s");
    }
}
