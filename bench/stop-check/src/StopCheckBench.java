package stopcheck;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a stop check woven into cell code costs a hot loop, and whether it stops loops. The workloads call
 * {@code Hook.check()} where the kernel's weaver puts its call: at method entry and before each backward
 * branch. run.sh compiles them once per design with that design's Hook (hooks/DESIGN/Hook.java) and runs each
 * design in a fresh JVM.
 *
 * Prints one line: CPU seconds of 2000 calls of a small loop from cold (interpreter and C1 before C2), of the
 * first call of the long loop (compiled on stack, OSR), the median and best
 * of the later calls (compiled normally), the median ratio to the same loop without checks timed alternately,
 * the first and later calls with an int counter; how long after requestStop() the compiled long loop
 * ended, running on another thread; the long loop once more after that stop (recompiled); and how long
 * while (true) took to stop, started and stopped several times (the worst run).
 */
public final class StopCheckBench {
    private static final long STOP_WAIT_MILLIS = 1000;
    private static final int COLD_CALLS = 2000;
    private static final int COLD_CALL_ITERATIONS = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String NOT_STOPPED = "NOT STOPPED";

    private StopCheckBench() {
    }

    static double work(long n) {
        Hook.check();
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += Math.sqrt(i);
            Hook.check();
        }
        return s;
    }

    /** The same loop without checks, timed alternately with the checked one so that both see the same load. */
    static double unchecked(long n) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += Math.sqrt(i);
        }
        return s;
    }

    static double workInt(int n) {
        Hook.check();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.sqrt(i);
            Hook.check();
        }
        return s;
    }

    /** A small task called many times from cold: what the checks cost before the JIT's last tier. */
    static double smallTask(int n) {
        Hook.check();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.sqrt(i);
            Hook.check();
        }
        return s;
    }

    static void spin() {
        Hook.check();
        while (true) {
            Hook.check();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String design = args[0];
        long n = Long.parseLong(args[1]);
        int reps = Integer.parseInt(args[2]);
        int spins = Integer.parseInt(args[3]);
        double coldCalls = time(() -> {
            double s = 0;
            for (int call = 0; call < COLD_CALLS; call++) {
                s += smallTask(COLD_CALL_ITERATIONS);
            }
            return s;
        });
        double[] longLoop = new double[reps];
        double[] baseline = new double[reps];
        double[] ratio = new double[reps];
        for (int r = 0; r < reps; r++) {
            longLoop[r] = time(() -> work(n));
            baseline[r] = time(() -> unchecked(n));
            ratio[r] = longLoop[r] / baseline[r];
        }
        double[] intLoop = time(reps, () -> workInt((int) Math.min(n, Integer.MAX_VALUE)));
        System.out.printf(Locale.ROOT, "%-11s java %-3s cold %dx%d: %.3f s | long: first %.3f s, later median %.3f"
                        + " best %.3f, x%.2f of unchecked | int: first %.3f, later median %.3f",
                design, Runtime.version().feature(), COLD_CALLS, COLD_CALL_ITERATIONS, coldCalls, longLoop[0],
                median(longLoop), best(longLoop), median(ratio), intLoop[0], median(intLoop));
        String longStops = stopLatencies(1, () -> work(Long.MAX_VALUE));
        System.out.print(" | stop long loop ms " + longStops);
        if (!longStops.startsWith(NOT_STOPPED)) { // else the loop still runs and would skew what follows
            double[] afterStop = time(Math.min(reps, 3), () -> work(n));
            System.out.printf(Locale.ROOT, " | after stop+clear %.3f s", afterStop[afterStop.length - 1]);
            System.out.print(" | stop while(true) ms " + stopLatencies(spins, StopCheckBench::spin));
        }
        System.out.println();
        System.exit(0); // a loop that did not stop is still running
    }

    private interface Workload {
        double run();
    }

    /** CPU seconds per call (element 0 is the first call): other processes on the machine add less noise. */
    private static double[] time(int reps, Workload workload) {
        double[] seconds = new double[reps];
        for (int r = 0; r < reps; r++) {
            seconds[r] = time(workload);
        }
        return seconds;
    }

    private static double time(Workload workload) {
        long start = THREADS.getCurrentThreadCpuTime();
        double result = workload.run();
        double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
        if (result == 42) {
            System.out.println(); // keeps the result alive
        }
        return seconds;
    }

    /** Starts the loop on another thread, requests a stop, and reports how long the loop took to end. */
    private static String stopLatencies(int attempts, Runnable loop) throws InterruptedException {
        double[] millis = new double[attempts];
        for (int a = 0; a < attempts; a++) {
            Hook.clear();
            Thread runner = new Thread(() -> {
                try {
                    loop.run();
                } catch (Error stopped) {
                    // the stop check threw: what we wait for
                }
            }, "loop");
            runner.setDaemon(true);
            runner.start();
            Thread.sleep(a == 0 ? 300 : 30);
            long start = System.nanoTime();
            Hook.requestStop();
            runner.join(STOP_WAIT_MILLIS);
            if (runner.isAlive()) {
                return NOT_STOPPED + " within " + STOP_WAIT_MILLIS + " ms (attempt " + (a + 1) + ")";
            }
            millis[a] = (System.nanoTime() - start) / 1e6;
        }
        Hook.clear();
        return attempts == 1 ? String.format(Locale.ROOT, "%.1f", millis[0])
                : String.format(Locale.ROOT, "max %.1f (%d runs)", Arrays.stream(millis).max().orElseThrow(), attempts);
    }

    /** Of the calls after the first. */
    private static double median(double[] values) {
        double[] later = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(later);
        return later[later.length / 2];
    }

    private static double best(double[] seconds) {
        return Arrays.stream(seconds, 1, seconds.length).min().orElseThrow();
    }
}
