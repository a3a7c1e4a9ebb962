package org.javaparallel.debugger;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A thread parked by the debugger, its frames, and how it goes on. */
final class StoppedThread {
    /** How a stopped thread goes on. */
    enum Resume { CONTINUE, NEXT, STEP_IN, STEP_OUT, INTERRUPT }

    private final Thread thread;
    private final List<Frame> frames;
    private final CompletableFuture<Resume> resume = new CompletableFuture<>();

    StoppedThread(Thread thread, List<Frame> frames) {
        this.thread = thread;
        this.frames = List.copyOf(frames);
    }

    Thread thread() {
        return thread;
    }

    int id() {
        return Debugger.threadId(thread);
    }

    List<Frame> frames() {
        return frames;
    }

    void resume(Resume how) {
        resume.complete(how);
    }

    /** Parks the calling (stopped) thread until it is resumed; an interrupt of the thread ends the wait. */
    Resume await() {
        try {
            return resume.get();
        } catch (InterruptedException e) {
            return Resume.INTERRUPT;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stopped thread's resume failed", e);
        }
    }
}
