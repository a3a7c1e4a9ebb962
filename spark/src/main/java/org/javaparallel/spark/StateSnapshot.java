package org.javaparallel.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDDLike;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.javaparallel.parallel.engine.ObjectBytes;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.javaparallel.parallel.spi.UserNames;

/**
 * The values of the cells' top-level variables at one moment, as bytes that cross to executors: each value
 * Java-serialized on its own, so that one that cannot be read on the other side does not spoil the rest.
 *
 * @param values  the variables that could be serialized
 * @param skipped names of the variables that could not, with the reason
 */
record StateSnapshot(List<Value> values, List<String> skipped) {
    /** Handles to the driver's Spark objects: meaningless on an executor, and Spark itself forbids using them there. */
    private static final List<Class<?>> DRIVER_HANDLES = List.of(SparkSession.class, SparkContext.class,
            JavaSparkContext.class, Dataset.class, RDD.class, JavaRDDLike.class);

    record Value(String name, String ownerClass, String field, byte[] bytes) {
    }

    static StateSnapshot capture(List<TopLevelVariable> variables, ClassLoader loader) {
        List<Value> values = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (TopLevelVariable variable : variables) {
            try {
                Field field = Class.forName(variable.ownerClass(), true, loader).getDeclaredField(variable.field());
                if (Modifier.isFinal(field.getModifiers())) {
                    continue; // a constant: the class file carries it
                }
                field.setAccessible(true);
                Object value = field.get(null);
                if (value != null && DRIVER_HANDLES.stream().anyMatch(type -> type.isInstance(value))) {
                    continue;
                }
                values.add(new Value(variable.name(), variable.ownerClass(), variable.field(), ObjectBytes.write(value)));
            } catch (IOException e) {
                skipped.add(variable.name() + " (not Serializable: " + UserNames.inText(e.getMessage())
                        + ")");
            } catch (ReflectiveOperationException | LinkageError e) {
                skipped.add(variable.name() + " (unreadable: " + e + ")");
            }
        }
        return new StateSnapshot(List.copyOf(values), List.copyOf(skipped));
    }

    /**
     * Sets the wrapper classes' static fields in {@code loader}. Returns the names that could not be set, with the
     * reason; a value whose class is not known there stays at its default instead of failing the task.
     */
    List<String> applyTo(ClassLoader loader) {
        List<String> failed = new ArrayList<>();
        for (Value value : values) {
            try {
                Field field = Class.forName(value.ownerClass(), true, loader).getDeclaredField(value.field());
                field.setAccessible(true);
                field.set(null, ObjectBytes.read(value.bytes(), loader));
            } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
                failed.add(value.name() + " (" + e + ")");
            }
        }
        return failed;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(values.size());
            for (Value value : values) {
                out.writeUTF(value.name());
                out.writeUTF(value.ownerClass());
                out.writeUTF(value.field());
                out.writeInt(value.bytes().length);
                out.write(value.bytes());
            }
            out.writeInt(skipped.size());
            for (String name : skipped) {
                out.writeUTF(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StateSnapshot decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int count = in.readInt();
            List<Value> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                String owner = in.readUTF();
                String field = in.readUTF();
                values.add(new Value(name, owner, field, in.readNBytes(in.readInt())));
            }
            int skippedCount = in.readInt();
            List<String> skipped = new ArrayList<>(skippedCount);
            for (int i = 0; i < skippedCount; i++) {
                skipped.add(in.readUTF());
            }
            return new StateSnapshot(values, skipped);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt snapshot of cell variables", e);
        }
    }
}
