package org.javaparallel.parallel.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/** Length-prefixed frames, one serialized {@link Message} each, over a pair of streams. */
final class MessageChannel implements AutoCloseable {
    private final DataInputStream in;
    private final DataOutputStream out;

    MessageChannel(InputStream in, OutputStream out) {
        this.in = new DataInputStream(new BufferedInputStream(in));
        this.out = new DataOutputStream(new BufferedOutputStream(out));
    }

    synchronized void send(Message message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(message);
        }
        out.writeInt(bytes.size());
        bytes.writeTo(out);
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
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(frame))) {
            return (Message) objects.readObject();
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
