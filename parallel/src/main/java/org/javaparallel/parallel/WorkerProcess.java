package org.javaparallel.parallel;

/**
 * One task in a new JVM of its own, like Python's {@code multiprocessing.Process}: {@code start}, {@code join},
 * {@code exitCode}. Each start pays for a whole JVM start, which is what it is for: to show that cost.
 * Exit code 0: the task ended normally; 1: it threw (the stack trace is printed to {@code System.err});
 * anything else: the JVM's own exit code ({@code System.exit}, 137 when killed by signal 9).
 */
public interface WorkerProcess {
    /**
     * Starts {@code target} in a new JVM, like {@code Process(target=f).start()}.
     *
     * @param target what the new JVM runs; not null
     * @return the started process
     * @throws IllegalStateException if no worker-JVM engine is on the class path
     */
    static WorkerProcess start(SerializableRunnable target) {
        return start((SerializableCallable<Object>) () -> {
            target.run();
            return null;
        });
    }

    /**
     * Starts {@code target} in a new JVM; its return value is {@link #result()} once the process ended.
     *
     * @param target what the new JVM runs; not null
     * @return the started process
     * @throws IllegalStateException if no worker-JVM engine is on the class path
     */
    static WorkerProcess start(SerializableCallable<?> target) {
        return Backends.findProvider(new BackendSpec.Processes(1))
                .orElseThrow(() -> new IllegalStateException(
                        "no worker-JVM engine is on the class path (java-parallel-core)"))
                .startProcess(target);
    }

    /**
     * Waits until the process ended.
     *
     * @throws InterruptedException if the waiting thread is interrupted; the process goes on
     */
    void join() throws InterruptedException;

    /**
     * Waits at most {@code millis} milliseconds.
     *
     * @param millis how long to wait at most
     * @return whether the process ended
     * @throws InterruptedException if the waiting thread is interrupted; the process goes on
     */
    boolean join(long millis) throws InterruptedException;

    /**
     * Whether the process was started and has not ended.
     *
     * @return true while it runs
     */
    boolean isAlive();

    /**
     * The exit code, as {@code Process.exitcode}.
     *
     * @return the exit code, or null until the process ended
     */
    Integer exitCode();

    /**
     * The operating system's id of the JVM.
     *
     * @return the process id, or -1 before it started
     */
    long pid();

    /**
     * What the task returned.
     *
     * @return the result once the process ended with exit code 0; null before, on failure, or for a runnable
     */
    Object result();

    /**
     * The process's name, e.g. {@code process-3}.
     *
     * @return the name
     */
    String name();
}
