package org.javaparallel.spark.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.javaparallel.parallel.engine.ObjectBytes;
import org.javaparallel.parallel.spi.UserNames;

/**
 * Items and results cross to executors as Java-serialized bytes, whatever {@code spark.serializer} is: the same
 * rule as the other backends (items and results are Serializable), and classes defined in cells resolve through
 * the loader that knows them on each side.
 */
final class Payload {
    private Payload() {
    }

    static byte[] encode(Object value) {
        try {
            return ObjectBytes.write(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot send " + describe(value) + " to Spark executors: "
                    + UserNames.of(e) + ". Items and results must be Serializable (records and classes that implement"
                    + " Serializable).", e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T decode(byte[] bytes, ClassLoader loader) {
        try {
            return (T) ObjectBytes.read(bytes, loader);
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("cannot read data sent by Spark: " + e, e));
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }
}
