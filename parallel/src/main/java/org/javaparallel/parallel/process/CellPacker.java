package org.javaparallel.parallel.process;

import java.io.NotSerializableException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.javaparallel.parallel.spi.UserNames;

/**
 * Packs what worker JVMs need of the kernel's cells for a task. Serialized variable values are reused while the
 * kernel's state version stays the same.
 */
final class CellPacker {
    private ClassDirectory classes;
    private long packedVersion = Long.MIN_VALUE;
    private final Map<TopLevelVariable, byte[]> packedValues = new HashMap<>();

    synchronized CellShipment pack(Optional<CellCode> cellCode, Object userCode) {
        if (cellCode.isEmpty()) {
            return CellShipment.NONE;
        }
        CellCode cells = cellCode.get();
        if (classes == null || !classes.root().equals(cells.classDirectory())) {
            classes = new ClassDirectory(cells.classDirectory());
            packedValues.clear();
        }
        long version = cells.stateVersion();
        if (version != packedVersion) {
            packedValues.clear();
            packedVersion = version;
        }
        Map<TopLevelVariable, byte[]> values = new HashMap<>();
        for (TopLevelVariable variable : VariableScanner.variablesReadBy(userCode, classes, cells.variables())) {
            values.put(variable, packedValues.computeIfAbsent(variable, v -> serializeValue(v, cells.loader())));
        }
        return new CellShipment(classes.all(), version, Map.copyOf(values));
    }

    /** A lambda is made serializable by its declared type, not by a class the user could change. */
    private static String remedyFor(Object value) {
        return value.getClass().isSynthetic()
                ? "Declare it with a Serializable function type (SerializableFunction, SerializableCallable, ...)"
                : "Make its class implement java.io.Serializable";
    }

    private static byte[] serializeValue(TopLevelVariable variable, ClassLoader loader) {
        Object value;
        try {
            Field field = Class.forName(variable.ownerClass(), true, loader).getDeclaredField(variable.field());
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("could not read top-level variable '" + variable.name() + "': " + e, e);
        }
        try {
            return Payloads.serialize(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the task uses top-level variable '" + variable.name() + "' ("
                    + UserNames.inText(value.getClass().getName()) + "), which must be copied to the worker JVMs but is"
                    + " not Serializable (" + UserNames.inText(e.getMessage()) + " is not). " + remedyFor(value)
                    + ", create the value inside the task, or use the threads backend (%backend threads).");
        }
    }
}
