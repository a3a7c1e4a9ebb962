package org.javaparallel.parallel.process;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.javaparallel.parallel.engine.ObjectBytes;

/**
 * User objects as bytes between the kernel and its worker JVMs, resolving classes through a given loader (cell classes
 * live in their own). A list of only {@link Integer}s, {@link Long}s or {@link Double}s (the items and results of
 * most maps, e.g. over {@code IntStream.range(0, n).boxed().toList()}) is written as its numbers, which a simple loop
 * does; anything else by Java serialization, which costs far more per element, and most in a fresh worker JVM whose
 * JIT has not compiled it yet. A list of numbers comes back as a modifiable {@code ArrayList} of equal elements.
 */
final class Payloads {
    /** The first byte of the numbers' form; Java serialization's streams start with 0xAC. */
    private enum Form {
        INTEGERS(Integer.class, Integer.BYTES),
        LONGS(Long.class, Long.BYTES),
        DOUBLES(Double.class, Double.BYTES);

        private final Class<?> type;
        private final int bytes;

        Form(Class<?> type, int bytes) {
            this.type = type;
            this.bytes = bytes;
        }

        byte tag() {
            return (byte) (ordinal() + 1);
        }
    }

    /** Every form, in tag order (an enum's values() copies its array on each call). */
    private static final Form[] FORMS = Form.values();

    private Payloads() {
    }

    /** @throws NotSerializableException naming the class that is not serializable */
    static byte[] serialize(Object value) throws NotSerializableException {
        if (value instanceof List<?> list && !list.isEmpty()) {
            Form form = numbersForm(list);
            if (form != null) {
                return numbers(list, form);
            }
        }
        try {
            return ObjectBytes.write(value);
        } catch (NotSerializableException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialize " + value.getClass().getName() + ": " + e, e);
        }
    }

    static Object deserialize(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        int form = bytes.length == 0 ? -1 : bytes[0] - 1;
        return form >= 0 && form < FORMS.length ? numbers(bytes, FORMS[form]) : ObjectBytes.read(bytes, loader);
    }

    /** The form every element of the list has (no nulls, no subclasses), or null. */
    private static Form numbersForm(List<?> list) {
        Class<?> first = list.get(0) == null ? null : list.get(0).getClass();
        for (Form form : FORMS) {
            if (form.type == first) {
                for (Object element : list) {
                    if (element == null || element.getClass() != first) {
                        return null;
                    }
                }
                return form;
            }
        }
        return null;
    }

    private static byte[] numbers(List<?> list, Form form) {
        ByteBuffer out = ByteBuffer.allocate(1 + Integer.BYTES + list.size() * form.bytes);
        out.put(form.tag()).putInt(list.size());
        for (Object element : list) {
            switch (form) {
                case INTEGERS -> out.putInt((Integer) element);
                case LONGS -> out.putLong((Long) element);
                case DOUBLES -> out.putDouble((Double) element);
            }
        }
        return out.array();
    }

    private static List<Object> numbers(byte[] bytes, Form form) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int size = in.getInt();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            switch (form) {
                case INTEGERS -> list.add(in.getInt());
                case LONGS -> list.add(in.getLong());
                case DOUBLES -> list.add(in.getDouble());
            }
        }
        return list;
    }
}
