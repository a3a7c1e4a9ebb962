package org.javaparallel.parallel.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What tasks print in a worker JVM (its System.out and System.err), sent to the kernel in batches rather than
 * one message per line: when the other stream is written, when {@link #SEND_AT_BYTES} are waiting, when the
 * worker flushes (before it reports a batch, so a task's output comes before its results), and every
 * {@link #FLUSH_PERIOD_MILLIS} from a daemon thread, so that what a long task prints shows while it runs.
 */
final class WorkerOutput {
    private static final int SEND_AT_BYTES = 64 * 1024;
    private static final long FLUSH_PERIOD_MILLIS = 50;

    private final MessageChannel channel;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean bufferedIsError;

    private WorkerOutput(MessageChannel channel) {
        this.channel = channel;
    }

    /** Installs System.out and System.err that send through {@code channel}, and the flushing thread. */
    static void install(MessageChannel channel) {
        WorkerOutput output = new WorkerOutput(channel);
        System.setOut(output.stream(false));
        System.setErr(output.stream(true));
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "output-flusher");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(output::flushQuietly, FLUSH_PERIOD_MILLIS, FLUSH_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private PrintStream stream(boolean error) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                append(error, b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                append(error, bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                WorkerOutput.this.flush();
            }
        }, false, StandardCharsets.UTF_8);
    }

    private synchronized void append(boolean error, byte[] bytes, int offset, int length) throws IOException {
        switchTo(error);
        buffer.write(bytes, offset, length);
        sendIfFull();
    }

    private synchronized void append(boolean error, int b) throws IOException {
        switchTo(error);
        buffer.write(b);
        sendIfFull();
    }

    private void switchTo(boolean error) throws IOException {
        if (error != bufferedIsError) {
            flush();
            bufferedIsError = error;
        }
    }

    private void sendIfFull() throws IOException {
        if (buffer.size() >= SEND_AT_BYTES) {
            flush();
        }
    }

    private synchronized void flush() throws IOException {
        if (buffer.size() > 0) {
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            channel.send(new Message.Output(bufferedIsError, text));
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ends the flusher: the kernel is gone, and the worker with it
        }
    }
}
