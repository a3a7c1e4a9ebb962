package org.javaparallel.parallel.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The worker's System.out / System.err: collects what tasks print and sends it to the kernel on flush. */
final class ForwardedOutput extends OutputStream {
    private final MessageChannel channel;
    private final boolean error;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    ForwardedOutput(MessageChannel channel, boolean error) {
        this.channel = channel;
        this.error = error;
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        buffer.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (buffer.size() > 0) {
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            channel.send(new Message.Output(error, text));
        }
    }
}
