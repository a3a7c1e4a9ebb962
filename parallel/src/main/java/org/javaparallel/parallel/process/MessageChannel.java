package org.javaparallel.parallel.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.javaparallel.parallel.engine.ObjectBytes;

/** Length-prefixed frames, one serialized {@link Message} each, over a pair of streams. */
final class MessageChannel implements AutoCloseable {
    /** Marks where a worker's messages begin: its JVM may print to stdout before main runs (warnings, agents). */
    private static final byte[] PREAMBLE = "\u0000\u0001java-parallel worker\u0001\u0000".getBytes(StandardCharsets.US_ASCII);
    private final DataInputStream in;
    private final DataOutputStream out;

    MessageChannel(InputStream in, OutputStream out) {
        this.in = new DataInputStream(new BufferedInputStream(in));
        this.out = new DataOutputStream(new BufferedOutputStream(out));
    }

    /** Written by a worker JVM before its first message. */
    synchronized void sendPreamble() throws IOException {
        out.write(PREAMBLE);
        out.flush();
    }

    /** Reads up to and including the preamble; returns what came before it, or null at end of stream. */
    String skipToPreamble() throws IOException {
        ByteArrayOutputStream skipped = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < PREAMBLE.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            skipped.write(b);
            matched = b == (PREAMBLE[matched] & 0xff) ? matched + 1 : (b == (PREAMBLE[0] & 0xff) ? 1 : 0);
        }
        return new String(skipped.toByteArray(), 0, skipped.size() - PREAMBLE.length, StandardCharsets.UTF_8);
    }

    synchronized void send(Message message) throws IOException {
        ObjectBytes.writeFrame(message, out);
        out.flush();
    }

    /** The next message, or null at end of stream (the other side is gone). */
    Message receive() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        try {
            return (Message) ObjectBytes.read(frame, Message.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("unreadable message: " + e, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            in.close();
        }
    }
}
