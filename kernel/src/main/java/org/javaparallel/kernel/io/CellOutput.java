package org.javaparallel.kernel.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The output of one cell, batched like ipykernel does: bytes are collected and sent as one stream message
 * when the buffer is large, when the other stream is written, on a short timer, and when the cell ends.
 * Output beyond a bound is dropped with a notice, so that a cell printing without end cannot flood the
 * frontend; the cell itself keeps running until it ends or is interrupted.
 */
public final class CellOutput {
    static final int FLUSH_BYTES = 64 * 1024;

    private final CellPublisher publisher;
    private final long limitBytes;
    private final byte[] buffer = new byte[FLUSH_BYTES];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private CellPublisher.StreamName bufferedStream = CellPublisher.StreamName.STDOUT;
    private int buffered;
    private long written;

    public CellOutput(CellPublisher publisher, long limitBytes) {
        this.publisher = publisher;
        this.limitBytes = limitBytes;
    }

    public synchronized void write(CellPublisher.StreamName stream, byte[] bytes, int offset, int length) {
        if (written >= limitBytes) {
            return;
        }
        int accepted = (int) Math.min(length, limitBytes - written);
        if (stream != bufferedStream) {
            flush();
            bufferedStream = stream;
        }
        int position = offset;
        int remaining = accepted;
        while (remaining > 0) {
            int chunk = Math.min(remaining, buffer.length - buffered);
            System.arraycopy(bytes, position, buffer, buffered, chunk);
            buffered += chunk;
            position += chunk;
            remaining -= chunk;
            if (buffered == buffer.length) {
                flush();
            }
        }
        written += accepted;
        if (written >= limitBytes) {
            flush();
            publisher.publish(CellPublisher.StreamName.STDERR, String.format(
                    "%n[output cut: this cell printed more than %d MB; the rest is not shown."
                            + " Interrupt the cell to stop it, or write large output to a file.]%n",
                    limitBytes / (1024 * 1024)));
        }
    }

    /** Sends what is buffered, keeping an incomplete UTF-8 sequence at the end for the next write. */
    public synchronized void flush() {
        if (buffered == 0) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(buffer, 0, buffered);
        CharBuffer out = CharBuffer.allocate(buffered);
        decoder.decode(in, out, false);
        int leftover = in.remaining();
        System.arraycopy(buffer, in.position(), buffer, 0, leftover);
        buffered = leftover;
        out.flip();
        if (out.hasRemaining()) {
            publisher.publish(bufferedStream, out.toString());
        }
    }

    public CellPublisher publisher() {
        return publisher;
    }
}
