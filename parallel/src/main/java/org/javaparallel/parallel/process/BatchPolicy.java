package org.javaparallel.parallel.process;

/**
 * How many queued chunks of a call a worker JVM takes in one message, and whether it may take its next batch
 * before the current one is back. A chunk of unknown duration, or of {@link #TARGET_NANOS} or more, goes alone, so
 * dynamic scheduling stays what the course shows; chunks measured faster are batched so that one message carries
 * about {@link #BATCH_NANOS} of work, because a message costs the worker far more than a tiny task. The cost of a
 * chunk is what the worker spent on it in all (reading it, running it, writing its result), not its run alone,
 * which for a tiny task is a fraction of that.
 */
final class BatchPolicy {
    static final long TARGET_NANOS = 2_000_000;
    static final long BATCH_NANOS = 8_000_000;
    static final int MAX_CHUNKS = 4096;

    private long callId = -1;
    private double nanosPerChunk = Double.NaN;

    /**
     * The size of the next batch of call {@code callId}, of which {@code queued} chunks wait. While there is more
     * work than one batch per worker, at most the worker's fair share, so that the {@code workers} finish together;
     * when all that waits is less than {@link #TARGET_NANOS} of work, all of it: splitting it would cost more than
     * it saves.
     */
    synchronized int size(long callId, int queued, int workers) {
        if (callId != this.callId || Double.isNaN(nanosPerChunk)) {
            return 1;
        }
        double perChunk = Math.max(nanosPerChunk, 1.0);
        if (queued * perChunk <= TARGET_NANOS) {
            return Math.max(1, Math.min(queued, MAX_CHUNKS));
        }
        long fast = Math.round(BATCH_NANOS / perChunk);
        int fairShare = Math.max(1, queued / workers);
        return (int) Math.max(1, Math.min(Math.min(fast, MAX_CHUNKS), fairShare));
    }

    /** Whether a second batch of the call may be sent while one runs: only when its chunks are measured fast. */
    synchronized boolean mayPipeline(long callId) {
        return callId == this.callId && nanosPerChunk < TARGET_NANOS;
    }

    /**
     * What a batch of {@code chunks} completed chunks of call {@code callId} cost the worker: reading the items,
     * running them and writing the results, so that tiny chunks are not taken for cheaper than they are.
     */
    synchronized void observe(long callId, int chunks, long handledNanos) {
        if (chunks == 0) {
            return;
        }
        this.callId = callId;
        nanosPerChunk = (double) handledNanos / chunks;
    }
}
