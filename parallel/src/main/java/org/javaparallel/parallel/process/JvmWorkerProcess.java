package org.javaparallel.parallel.process;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.javaparallel.parallel.SerializableCallable;
import org.javaparallel.parallel.WorkerProcess;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.ChunkResult;
import org.javaparallel.parallel.engine.TaskAdapters;
import org.javaparallel.parallel.engine.WorkerDiedException;
import org.javaparallel.parallel.spi.CallerContext;
import org.javaparallel.parallel.spi.UserNames;

/** A {@link WorkerProcess} as a JVM started with the kernel's java and class path, talking over its pipes. */
final class JvmWorkerProcess implements WorkerProcess {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name = "process-" + COUNT.incrementAndGet();
    private final PreparedTask task;
    private final Executor callerContext;
    private final CountDownLatch ended = new CountDownLatch(1);
    private Thread runner;
    private volatile long pid = -1;
    private volatile Integer exitCode;
    private volatile Object result;

    JvmWorkerProcess(SerializableCallable<?> target) {
        task = PreparedTask.prepare(new TaskAdapters.Call(target), new CellPacker());
        callerContext = CallerContext.capture();
    }

    synchronized JvmWorkerProcess start() {
        if (runner != null) {
            throw new IllegalStateException(name + " was already started; create a new JvmWorkerProcess");
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

    /** Prints the stack trace; its headlines ("Boom: boom", "Caused by: ...") name classes as the user wrote them. */
    private void printFailure(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String shown = trace.toString().lines()
                .map(line -> line.stripLeading().startsWith("at ") ? line : UserNames.inText(line))
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
        callerContext.execute(() -> System.err.print(name + " failed: " + shown));
    }

    @Override
    public void join() throws InterruptedException {
        requireStarted();
        ended.await();
    }

    @Override
    public boolean join(long millis) throws InterruptedException {
        requireStarted();
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void requireStarted() {
        if (runner == null) {
            throw new IllegalStateException(name + " was not started; call start() first");
        }
    }

    @Override
    public boolean isAlive() {
        return runner != null && ended.getCount() > 0;
    }

    @Override
    public Integer exitCode() {
        return exitCode;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Object result() {
        return result;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "WorkerProcess[" + name + (pid < 0 ? "" : ", pid " + pid)
                + (exitCode == null ? (isAlive() ? ", running" : ", not started") : ", exit code " + exitCode) + "]";
    }
}
