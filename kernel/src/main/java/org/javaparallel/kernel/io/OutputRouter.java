package org.javaparallel.kernel.io;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replaces System.out and System.err: each write goes to the output of the cell that the writing thread
 * belongs to. A thread belongs to the cell that started it (inherited), so threads a cell started keep
 * writing into that cell after its code returned. Writes from threads of no cell go to the running cell.
 * A timer flushes every cell's buffered output a few times per second.
 */
public final class OutputRouter implements AutoCloseable {
    private static final long FLUSH_PERIOD_MILLIS = 50;

    private final InheritableThreadLocal<CellOutput> owner = new InheritableThreadLocal<>();
    private final Set<CellOutput> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "output-flusher");
        thread.setDaemon(true);
        return thread;
    });
    private final PrintStream out = stream(CellPublisher.StreamName.STDOUT);
    private final PrintStream err = stream(CellPublisher.StreamName.STDERR);
    private volatile CellOutput current;

    public OutputRouter() {
        flusher.scheduleWithFixedDelay(() -> active.forEach(CellOutput::flush),
                FLUSH_PERIOD_MILLIS, FLUSH_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Makes {@code output} the output of the calling thread and of threads it starts from now on. */
    public void enterCell(CellOutput output) {
        active.forEach(CellOutput::flush);
        active.clear();
        current = output;
        active.add(output);
        owner.set(output);
    }

    /** The cell's code returned: send what it printed. Its threads may still write; the timer flushes that. */
    public void leaveCell(CellOutput output) {
        out.flush();
        err.flush();
        output.flush();
    }

    /** The output that writes from the calling thread go to, for capturing it in tasks that run elsewhere. */
    public CellOutput outputOfCurrentThread() {
        CellOutput mine = owner.get();
        return mine != null ? mine : current;
    }

    /** Runs {@code task} with its writes going to {@code output}. */
    public void runAs(CellOutput output, Runnable task) {
        CellOutput previous = owner.get();
        owner.set(output);
        try {
            task.run();
        } finally {
            owner.set(previous);
        }
    }

    private PrintStream stream(CellPublisher.StreamName name) {
        OutputStream routed = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                CellOutput target = outputOfCurrentThread();
                if (target != null) {
                    active.add(target);
                    target.write(name, bytes, offset, length);
                }
            }
        };
        return new PrintStream(routed, false, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        active.forEach(CellOutput::flush);
    }
}
