package org.javaparallel.parallel.process;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of a worker JVM. The real stdout carries protocol messages only; what tasks print is sent to the
 * kernel as {@link Message.Output}. When the kernel goes away (stdin at end), the worker ends at once, so no
 * worker outlives its kernel.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /**
     * Serves the kernel over stdin and stdout until it sends {@link Message.Exit} or goes away.
     *
     * @param args not used
     * @throws InterruptedException if the main thread is interrupted while it waits
     */
    public static void main(String[] args) throws InterruptedException {
        MessageChannel channel = new MessageChannel(new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out));
        WorkerOutput.install(channel);
        System.setIn(InputStream.nullInputStream());
        try {
            channel.sendPreamble();
        } catch (IOException e) {
            Runtime.getRuntime().halt(4);
        }
        WorkerInbox inbox = new WorkerInbox();
        Thread reader = new Thread(() -> readUntilKernelIsGone(channel, inbox), "kernel-reader");
        reader.setDaemon(true);
        reader.start();
        new Worker(channel).serve(inbox);
    }

    private static void readUntilKernelIsGone(MessageChannel channel, WorkerInbox inbox) {
        try {
            Message message;
            while ((message = channel.receive()) != null) {
                inbox.receive((Message.ToWorker) message);
            }
        } catch (IOException e) {
            // the pipe broke: the kernel is gone just the same
        }
        // halt, not exit: a task still running or a user thread must not keep an orphan JVM alive
        Runtime.getRuntime().halt(0);
    }
}
