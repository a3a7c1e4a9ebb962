package org.javaparallel.parallel.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of user objects to bytes and back. Reading resolves classes through a given loader first,
 * because classes defined in cells live in a loader of their own in every JVM (kernel, worker, executor).
 */
public final class ObjectBytes {
    private ObjectBytes() {
    }

    /**
     * Serializes {@code value}.
     *
     * @param value the object; may be null
     * @return its serialized bytes
     * @throws IOException if it cannot be serialized, e.g. {@link java.io.NotSerializableException}
     */
    public static byte[] write(Object value) throws IOException {
        return serialized(value).toByteArray();
    }

    /**
     * Writes the length of {@code value}'s bytes as an int, then the bytes, without copying them first.
     *
     * @param value the object; may be null
     * @param out where to write; not null
     * @throws IOException if it cannot be serialized or written
     */
    public static void writeFrame(Object value, DataOutputStream out) throws IOException {
        ByteArrayOutputStream bytes = serialized(value);
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    private static ByteArrayOutputStream serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes;
    }

    /**
     * Deserializes bytes that {@link #write} made.
     *
     * @param bytes the serialized bytes; not null
     * @param loader the loader to resolve classes with first; null means the bootstrap loader
     * @return the object; null if null was written
     * @throws IOException if the bytes are not a serialized object
     * @throws ClassNotFoundException if a class of the object is in neither loader
     */
    public static Object read(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException notCellClass) {
                return super.resolveClass(desc);
            }
        }
    }
}
