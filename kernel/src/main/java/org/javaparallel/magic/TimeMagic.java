package org.javaparallel.magic;

import java.util.function.LongSupplier;

/**
 * {@code %time statement} and {@code %%time}: wall time and the CPU time of the whole kernel JVM (all its
 * threads), in IPython's format; plus the CPU time spent in worker JVMs during the cell, with the speed-up
 * and parallel efficiency that CPU time implies.
 */
public final class TimeMagic implements Magic {
    private final LongSupplier workerCpuNanos;
    private final java.util.function.IntSupplier workers;

    /** {@code workerCpuNanos}: CPU time consumed so far by the backends' worker JVMs; {@code workers}: their number. */
    public TimeMagic(LongSupplier workerCpuNanos, java.util.function.IntSupplier workers) {
        this.workerCpuNanos = workerCpuNanos;
        this.workers = workers;
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public String usage() {
        return "%time <statement> | %%time — wall and CPU time (kernel JVM and worker JVMs)";
    }

    @Override
    public boolean hasCellForm() {
        return true;
    }

    @Override
    public void line(String args, MagicContext context) {
        if (args.isBlank()) {
            throw new MagicUsageException("%time needs a statement to time, e.g. %time fib(30)");
        }
        timed(args, context);
    }

    @Override
    public void cell(String args, String body, MagicContext context) {
        timed(body, context);
    }

    private void timed(String code, MagicContext context) {
        ProcessCpu cpuBefore = ProcessCpu.now();
        long workerBefore = workerCpuNanos.getAsLong();
        long start = System.nanoTime();
        try {
            context.evaluate(code, true);
        } finally {
            double wall = (System.nanoTime() - start) / 1e9;
            ProcessCpu cpu = ProcessCpu.now().since(cpuBefore);
            double workerCpu = (workerCpuNanos.getAsLong() - workerBefore) / 1e9;
            context.out().print(report(cpu, workerCpu, wall));
        }
    }

    private String report(ProcessCpu cpu, double workerCpu, double wall) {
        StringBuilder text = new StringBuilder();
        text.append("CPU times: user ").append(Durations.format(cpu.userSeconds()))
                .append(", sys: ").append(Durations.format(cpu.systemSeconds()))
                .append(", total: ").append(Durations.format(cpu.total())).append('\n');
        if (workerCpu > 0) {
            int n = Math.max(1, workers.getAsInt());
            double speedup = (cpu.total() + workerCpu) / wall;
            text.append("Worker JVMs CPU: ").append(Durations.format(workerCpu))
                    .append(String.format(java.util.Locale.ROOT,
                            " (all CPU / wall = speed-up %.2fx; parallel efficiency %.0f%% of %d workers)%n",
                            speedup, 100 * speedup / n, n));
        }
        text.append("Wall time: ").append(Durations.format(wall)).append('\n');
        return text.toString();
    }
}
