package org.javaparallel.parallel.process;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.javaparallel.parallel.CallerContext;
import org.javaparallel.parallel.SerializableCallable;
import org.javaparallel.parallel.SerializableRunnable;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkResult;
import org.javaparallel.parallel.engine.TaskAdapters;
import org.javaparallel.parallel.engine.WorkerDiedException;

/**
 * One task in a new JVM of its own, like Python's {@code multiprocessing.Process}: {@code start}, {@code join},
 * {@code exitCode}. Each start pays for a whole JVM start, which is what it is for: to show that cost.
 * Exit code 0: the task ended normally; 1: it threw (the stack trace is printed to System.err); anything else:
 * the JVM's own exit code (System.exit, 137 when killed by signal 9).
 */
public final class WorkerProcess {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name = "process-" + COUNT.incrementAndGet();
    private final PreparedTask task;
    private final Executor callerContext;
    private final CountDownLatch ended = new CountDownLatch(1);
    private Thread runner;
    private volatile long pid = -1;
    private volatile Integer exitCode;
    private volatile Object result;

    public WorkerProcess(SerializableCallable<?> target) {
        task = PreparedTask.prepare(new TaskAdapters.Call(target), new CellPacker());
        callerContext = CallerContext.capture();
    }

    public WorkerProcess(SerializableRunnable target) {
        this((SerializableCallable<Object>) () -> {
            target.run();
            return null;
        });
    }

    public static WorkerProcess start(SerializableRunnable target) {
        return new WorkerProcess(target).start();
    }

    public static WorkerProcess start(SerializableCallable<?> target) {
        return new WorkerProcess(target).start();
    }

    public synchronized WorkerProcess start() {
        if (runner != null) {
            throw new IllegalStateException(name + " was already started; create a new WorkerProcess");
        }
        runner = new Thread(this::run, name);
        runner.setDaemon(true);
        runner.start();
        return this;
    }

    private void run() {
        try (WorkerConnection worker = WorkerConnection.start(name, WorkerCommand.forThisJvm())) {
            pid = worker.pid();
            ChunkResult outcome = worker.run(task, new Chunk(0, Collections.singletonList(null)), callerContext);
            if (outcome instanceof ChunkResult.Done done) {
                result = done.results().get(0);
                exitCode = worker.exit(0);
            } else if (((ChunkResult.Failed) outcome).cause() instanceof WorkerDiedException) {
                exitCode = worker.exitCode();
            } else {
                printFailure(((ChunkResult.Failed) outcome).cause());
                exitCode = worker.exit(1);
            }
        } catch (IOException e) {
            printFailure(new IllegalStateException("could not start a worker JVM: " + e, e));
            exitCode = -1;
        } catch (InterruptedException e) {
            exitCode = -1;
        } finally {
            ended.countDown();
        }
    }

    private void printFailure(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        callerContext.execute(() -> System.err.print(name + " failed: " + trace));
    }

    public void join() throws InterruptedException {
        requireStarted();
        ended.await();
    }

    /** Waits at most {@code millis}; returns whether the process ended. */
    public boolean join(long millis) throws InterruptedException {
        requireStarted();
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void requireStarted() {
        if (runner == null) {
            throw new IllegalStateException(name + " was not started; call start() first");
        }
    }

    public boolean isAlive() {
        return runner != null && ended.getCount() > 0;
    }

    /** Null until the process ended. */
    public Integer exitCode() {
        return exitCode;
    }

    /** The worker JVM's process id, or -1 before it started. */
    public long pid() {
        return pid;
    }

    /** What the callable returned, once the process ended with exit code 0. */
    public Object result() {
        return result;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "WorkerProcess[" + name + (pid < 0 ? "" : ", pid " + pid)
                + (exitCode == null ? (isAlive() ? ", running" : ", not started") : ", exit code " + exitCode) + "]";
    }
}
