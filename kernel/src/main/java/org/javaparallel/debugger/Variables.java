package org.javaparallel.debugger;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.javaparallel.parallel.spi.UserNames;

/**
 * The Variables panel's tree: a {@code variablesReference} names a set of named values (a frame's locals, the
 * top-level variables) or an object to expand (its fields; an array's, a list's or a set's elements, a map's
 * entries, a page at a time with {@code start} and {@code count}). References stay valid until every thread runs.
 */
final class Variables {
    private static final int MAX_VALUE_CHARS = 500;

    private final Map<Integer, Object> byReference = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);

    /**
     * A named set of values, as a scope shows them, with their declared types: a local {@code int} arrives boxed,
     * and JupyterLab's tree shows the value only for the types it knows ({@code int}, not {@code Integer}).
     *
     * @param values the values by name
     * @param declaredTypes the declared type of each value, as the user wrote it
     */
    record Named(Map<String, Object> values, Map<String, String> declaredTypes) {
    }

    int reference(Object container) {
        int reference = next.getAndIncrement();
        byReference.put(reference, container);
        return reference;
    }

    void clear() {
        byReference.clear();
    }

    /** The children of a reference, from {@code start}, at most {@code count} of them (0: all). */
    JsonArray children(int reference, int start, int count) {
        Object container = byReference.get(reference);
        Map<String, Object> children = new LinkedHashMap<>();
        Map<String, String> declaredTypes = Map.of();
        if (container instanceof Named named) {
            children.putAll(named.values());
            declaredTypes = named.declaredTypes();
        } else if (container != null && container.getClass().isArray()) {
            int length = Array.getLength(container);
            for (int i = start; i < length && (count <= 0 || i < start + count); i++) {
                children.put("[" + i + "]", Array.get(container, i));
            }
        } else if (container instanceof Map<?, ?> map) {
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (i >= start && (count <= 0 || i < start + count)) {
                    children.put(String.valueOf(entry.getKey()), entry.getValue());
                }
                i++;
            }
        } else if (container instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                if (i >= start && (count <= 0 || i < start + count)) {
                    children.put("[" + i + "]", element);
                }
                i++;
            }
        } else if (container != null) {
            children.putAll(fields(container));
        }
        return list(children, declaredTypes);
    }

    /** DAP Variables for named values; a name with a declared type shows that type rather than the value's class. */
    JsonArray list(Map<String, Object> values, Map<String, String> declaredTypes) {
        JsonArray variables = new JsonArray();
        values.forEach((name, value) -> {
            JsonObject variable = variable(name, value, name);
            if (declaredTypes.containsKey(name)) {
                variable.addProperty("type", declaredTypes.get(name));
            }
            variables.add(variable);
        });
        return variables;
    }

    /** A DAP Variable for one value; an object, an array or a collection gets a reference to expand it. */
    JsonObject variable(String name, Object value, String evaluateName) {
        JsonObject variable = new JsonObject();
        variable.addProperty("name", name);
        variable.addProperty("value", describe(value));
        variable.addProperty("type", typeName(value));
        variable.addProperty("evaluateName", evaluateName);
        variable.addProperty("variablesReference", isLeaf(value) ? 0 : reference(value));
        int size = size(value);
        if (size >= 0) {
            variable.addProperty("indexedVariables", size);
        }
        return variable;
    }

    static boolean isLeaf(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof CharSequence || value instanceof Enum<?> || value instanceof Class<?>;
    }

    private static int size(Object value) {
        if (value != null && value.getClass().isArray()) {
            return Array.getLength(value);
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return -1;
    }

    static String typeName(Object value) {
        return value == null ? "null" : UserNames.inText(value.getClass().getTypeName());
    }

    /** The value as text; its toString is user code, which may fail. */
    static String describe(Object value) {
        String text;
        try {
            if (value instanceof CharSequence chars) {
                text = "\"" + chars + "\"";
            } else if (value != null && value.getClass().isArray()) {
                text = arrayText(value);
            } else {
                text = UserNames.inText(String.valueOf(value));
            }
        } catch (RuntimeException | LinkageError e) {
            text = "<toString() threw " + e + ">";
        }
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text;
    }

    private static String arrayText(Object array) {
        int length = Array.getLength(array);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(length, 20); i++) {
            items.add(String.valueOf(Array.get(array, i)));
        }
        return "[" + String.join(", ", items) + (length > 20 ? ", … (" + length + ")" : "") + "]";
    }

    /** The instance fields of an object, its superclasses' included; those the module system hides are left out. */
    static Map<String, Object> fields(Object object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic() || !field.trySetAccessible()) {
                    continue;
                }
                try {
                    fields.putIfAbsent(field.getName(), field.get(object));
                } catch (IllegalAccessException e) {
                    // not readable: left out, as the module system wants
                }
            }
        }
        return fields;
    }
}
