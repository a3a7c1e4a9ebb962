package org.javaparallel.spark.pool;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.javaparallel.parallel.AsyncResult;
import org.javaparallel.parallel.Pair;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.SerializableBiFunction;
import org.javaparallel.parallel.SerializableCallable;
import org.javaparallel.parallel.SerializableFunction;
import org.javaparallel.parallel.TaskFailedException;
import org.javaparallel.parallel.TaskFuture;
import org.javaparallel.parallel.TaskRecord;
import org.javaparallel.parallel.engine.Chunk;
import org.javaparallel.parallel.engine.Chunking;
import org.javaparallel.parallel.engine.TaskAdapters;
import org.javaparallel.spark.SessionLease;
import org.javaparallel.spark.SparkSessions;

/**
 * The pool on Spark: each call is one job whose tasks each take one chunk of items. The session is the kernel's
 * shared one on this pool's master; if something else restarted it on another master, the next call moves it back.
 *
 * <p>It shares the engine's chunking ({@code Chunking}) and task adapters, but not {@code ChunkedPool}'s dispatch
 * of chunks to workers: Spark schedules a call's chunks itself, as the partitions of one job, and dispatching
 * chunk by chunk would duplicate Spark's scheduler, its task retries and its UI's view of jobs and stages. The
 * pool contract tests hold it to the same results and failures as the other engines.
 */
public final class SparkPool implements Pool {
    private final SparkSessions sessions;
    private final String master;
    private final ClassLoader cellLoader;
    private SessionLease lease;
    private volatile List<TaskRecord> lastTimeline = List.of();

    /**
     * Starts (or reuses) the session on {@code master} now, so that a bad master fails here; closing the last pool
     * on a session stops it.
     *
     * @param sessions the kernel's sessions; not null
     * @param master the master's URL; not null
     * @param cellLoader the loader of cell classes, which executors in this JVM use too
     * @throws org.javaparallel.spark.SparkStartException if the master is not valid or a session cannot be started
     *         on it
     */
    public SparkPool(SparkSessions sessions, String master, ClassLoader cellLoader) {
        this.sessions = sessions;
        this.master = master;
        this.cellLoader = cellLoader;
        context();
    }

    /** After {@code %spark stop} or a session on another master, the next call starts this pool's again. */
    private synchronized JavaSparkContext context() {
        if (lease == null || !lease.isCurrent()) {
            lease = sessions.lease(master);
        }
        return sessions.context();
    }

    @Override
    public synchronized String describe() {
        if (lease == null || !lease.isCurrent()) {
            // describing must not start a session (nor fail for a master that is gone)
            return "spark(" + master + ", not running: starts on next use)";
        }
        int cores = size();
        return "spark(" + master + ", " + cores + (cores == 1 ? " core" : " cores")
                + sessions.driverDescription().map(driver -> ", " + driver).orElse("") + ")";
    }

    @Override
    public int size() {
        context();
        return sessions.cores();
    }

    /** With a {@code local} master the executors are threads of this JVM; a cluster's are JVMs of their own. */
    @Override
    public boolean runsInThisJvm() {
        return SparkSessions.executorsInThisJvm(master);
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items, int chunksize) {
        return this.<T, R>mapAsync(fn, items, chunksize).get();
    }

    @Override
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
                                                List<? extends T> items, int chunksize) {
        return new JobResult<>(submit(fn, items, chunksize, false));
    }

    @Override
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                   int chunksize) {
        SubmittedJob job = submit(fn, items, chunksize, false);
        return new Results<>(job, job::awaitChunk);
    }

    @Override
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, List<? extends T> items,
                                            int chunksize) {
        SubmittedJob job = submit(fn, items, chunksize, false);
        return new Results<>(job, job::awaitArrival);
    }

    @Override
    public <A, B, R> List<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                     List<? extends Pair<? extends A, ? extends B>> args, int chunksize) {
        return this.<A, B, R>starmapAsync(fn, args, chunksize).get();
    }

    @Override
    public <A, B, R> AsyncResult<List<R>> starmapAsync(SerializableBiFunction<? super A, ? super B, ? extends R> fn,
                                                       List<? extends Pair<? extends A, ? extends B>> args,
                                                       int chunksize) {
        SerializableFunction<Pair<? extends A, ? extends B>, R> spread = pair -> fn.apply(pair.first(), pair.second());
        return mapAsync(spread, args, chunksize);
    }

    @Override
    public <R> R apply(SerializableCallable<? extends R> task) {
        return applyAsync(task).get();
    }

    @Override
    public <R> TaskFuture<R> applyAsync(SerializableCallable<? extends R> task) {
        // the shared adapter rethrows a checked exception unchanged, as the other backends do
        JobResult<R> list = new JobResult<>(submit(new TaskAdapters.Call(task), Collections.singletonList(null), 1, true));
        return new TaskFuture<>() {
            private volatile boolean cancelled;

            @Override
            public R get() {
                return list.get().get(0);
            }

            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                if (list.ready()) {
                    return false;
                }
                cancelled = true;
                list.job.cancel();
                return true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }

            @Override
            public boolean isDone() {
                return list.ready();
            }

            @Override
            public R get(long timeout, TimeUnit unit) throws TimeoutException {
                list.job.awaitEnd(timeout, unit);
                return get();
            }

            @Override
            public boolean ready() {
                return list.ready();
            }

            @Override
            public boolean successful() {
                return list.successful();
            }

            @Override
            public void waitFor() {
                list.waitFor();
            }
        };
    }

    @Override
    public List<TaskRecord> lastTimeline() {
        return lastTimeline;
    }

    /** Kernel interrupt: cancels the running cell's jobs, this pool's among them. */
    public void cancelRunning() {
        sessions.interruptCell();
    }

    @Override
    public synchronized void close() {
        if (lease != null) {
            lease.close();
        }
    }

    @SuppressWarnings("unchecked")
    private SubmittedJob submit(SerializableFunction<?, ?> fn, List<?> items, int chunksize, boolean singleTask) {
        JavaSparkContext jsc = context();
        List<Chunk> chunks = Chunking.split(items, Chunking.chunkSize(items.size(), jsc.defaultParallelism(), chunksize));
        sessions.beforeJob();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(cellLoader);
        try {
            return SubmittedJob.submit(jsc, chunks, (SerializableFunction<Object, Object>) fn,
                    cellLoader, singleTask);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private final class JobResult<R> implements AsyncResult<List<R>> {
        private final SubmittedJob job;

        JobResult(SubmittedJob job) {
            this.job = job;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<R> get() {
            try {
                return (List<R>) job.awaitAll();
            } catch (TaskFailedException e) {
                throw withUnshippedVariables(e);
            } finally {
                if (job.isDone()) {
                    lastTimeline = job.timeline();
                }
            }
        }

        @Override
        public List<R> get(long timeout, TimeUnit unit) throws TimeoutException {
            job.awaitEnd(timeout, unit);
            return get();
        }

        @Override
        public boolean ready() {
            return job.isDone();
        }

        @Override
        public boolean successful() {
            if (!ready()) {
                return false;
            }
            try {
                get();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void waitFor() {
            try {
                job.awaitEnd(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A failure on a cluster may come from a top-level variable that could not be shipped: say which ones were not. */
    private TaskFailedException withUnshippedVariables(TaskFailedException failure) {
        List<String> unshipped = sessions.unshippedVariables();
        if (!sessions.hasRemoteExecutors() || unshipped.isEmpty()) {
            return failure;
        }
        return new TaskFailedException(failure.getMessage() + "\n(these top-level variables are not Serializable and "
                + "are null or 0 on executors: " + String.join(", ", unshipped) + ")", failure.item(), failure.getCause());
    }

    /** Results one at a time, each waited for when asked for; {@code chunkAt} picks which chunk comes n-th. */
    private final class Results<R> implements Iterator<R> {
        private final SubmittedJob job;
        private final IntFunction<ChunkOutcome> chunkAt;
        private int nextChunk;
        private Iterator<?> current = Collections.emptyIterator();

        Results(SubmittedJob job, IntFunction<ChunkOutcome> chunkAt) {
            this.job = job;
            this.chunkAt = chunkAt;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (nextChunk == job.chunkCount()) {
                    lastTimeline = job.timeline();
                    return false;
                }
                ChunkOutcome outcome = chunkAt.apply(nextChunk++);
                if (outcome.failure() != null) { // a failed chunk has no results: the chunks before it were yielded
                    throw withUnshippedVariables(job.failure(outcome.failure()));
                }
                current = outcome.results().iterator();
            }
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return (R) current.next();
        }
    }
}
