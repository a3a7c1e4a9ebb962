package org.javaparallel.parallel.process;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import org.javaparallel.parallel.engine.ObjectBytes;

/** Java serialization of user objects, resolving classes through a given loader (cell classes live in their own). */
final class Payloads {
    private Payloads() {
    }

    /** @throws NotSerializableException naming the class that is not serializable */
    static byte[] serialize(Object value) throws NotSerializableException {
        try {
            return ObjectBytes.write(value);
        } catch (NotSerializableException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialize " + value.getClass().getName() + ": " + e, e);
        }
    }

    static Object deserialize(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        return ObjectBytes.read(bytes, loader);
    }
}
