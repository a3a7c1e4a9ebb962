package org.javaparallel.parallel.process;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.javaparallel.parallel.spi.CellInterrupts;

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

    /**
     * The next message, with any earlier stop request cleared: a stop is for the batch that was running, and cell
     * code the next message runs (static initialisers of its classes, a batch) must not inherit it.
     */
    Inbound take() throws InterruptedException {
        Inbound next = messages.take();
        CellInterrupts.clear(); // before a batch reads the count: a cancel arriving from now on sets it again
        return next;
    }

    /** Whether a batch that arrived as {@code inbound} was cancelled, by a cancel that came after it. */
    boolean wasCancelled(Inbound inbound) {
        return inbound.cancelsBefore() < cancels.get();
    }
}
