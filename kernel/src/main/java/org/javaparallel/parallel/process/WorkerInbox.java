package org.javaparallel.parallel.process;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.javaparallel.parallel.code.CellInterrupts;

/**
 * What the kernel sent a worker JVM and the worker has not handled yet. A cancel acts at once: it stops the running
 * task, and every batch that arrived before it is skipped, since the kernel may have sent several ahead.
 */
final class WorkerInbox {
    private final BlockingQueue<Inbound> messages = new LinkedBlockingQueue<>();
    private final AtomicLong cancels = new AtomicLong();

    /** A message with the number of cancels that had arrived before it. */
    record Inbound(Message.ToWorker message, long cancelsBefore) {
    }

    void receive(Message.ToWorker message) {
        if (message instanceof Message.Cancel) {
            cancels.incrementAndGet(); // before the stop request: a batch that misses the stop sees the count
            CellInterrupts.requestStop();
        } else {
            messages.add(new Inbound(message, cancels.get()));
        }
    }

    Inbound take() throws InterruptedException {
        return messages.take();
    }

    /** Clears an earlier stop request and tells whether a batch that arrived as {@code inbound} was cancelled. */
    boolean startBatch(Inbound inbound) {
        CellInterrupts.clear(); // first: a cancel arriving from now on sets the stop request again and is seen
        return inbound.cancelsBefore() < cancels.get();
    }
}
