package org.javaparallel.debugger;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * The expressions {@code evaluate} understands in a stopped frame: a name (a local, then a field of {@code this},
 * then a top-level variable), followed by any chain of {@code .field}, {@code .method()} (no arguments) and
 * {@code [index]} (arrays and lists). Not Java in general: no operators, literals or calls with arguments.
 */
final class FrameExpression {
    private FrameExpression() {
    }

    static Object evaluate(String expression, Map<String, Object> scope) {
        String text = expression.strip();
        int end = nameEnd(text, 0);
        if (end == 0) {
            throw unsupported(expression);
        }
        String root = text.substring(0, end);
        Object value;
        if (scope.containsKey(root)) {
            value = scope.get(root);
        } else if (scope.get("this") != null && Variables.fields(scope.get("this")).containsKey(root)) {
            value = Variables.fields(scope.get("this")).get(root);
        } else {
            throw new IllegalArgumentException("'" + root + "' is not a variable here");
        }
        int at = end;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                int nameEnd = nameEnd(text, at + 1);
                String name = text.substring(at + 1, nameEnd);
                if (name.isEmpty()) {
                    throw unsupported(expression);
                }
                if (text.startsWith("()", nameEnd)) {
                    value = call(value, name);
                    at = nameEnd + 2;
                } else {
                    value = field(value, name);
                    at = nameEnd;
                }
            } else if (c == '[') {
                int close = text.indexOf(']', at);
                if (close < 0) {
                    throw unsupported(expression);
                }
                value = index(value, Integer.parseInt(text.substring(at + 1, close).strip()));
                at = close + 1;
            } else {
                throw unsupported(expression);
            }
        }
        return value;
    }

    private static int nameEnd(String text, int from) {
        int at = from;
        while (at < text.length() && (at == from ? Character.isJavaIdentifierStart(text.charAt(at))
                : Character.isJavaIdentifierPart(text.charAt(at)))) {
            at++;
        }
        return at;
    }

    private static Object field(Object target, String name) {
        if (target == null) {
            throw new IllegalArgumentException("null has no field " + name);
        }
        if (target.getClass().isArray() && name.equals("length")) {
            return Array.getLength(target);
        }
        Map<String, Object> fields = Variables.fields(target);
        if (!fields.containsKey(name)) {
            throw new IllegalArgumentException(Variables.typeName(target) + " has no readable field " + name);
        }
        return fields.get(name);
    }

    private static Object call(Object target, String name) {
        if (target == null) {
            throw new IllegalArgumentException("null has no method " + name + "()");
        }
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(name);
                if (method.trySetAccessible()) {
                    return method.invoke(target);
                }
            } catch (NoSuchMethodException e) {
                // look in the superclass
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(name + "() failed: " + e.getCause(), e);
            }
        }
        try {
            return target.getClass().getMethod(name).invoke(target);  // a public method of a hidden class's interface
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(Variables.typeName(target) + " has no method " + name + "() to call", e);
        }
    }

    private static Object index(Object target, int index) {
        if (target != null && target.getClass().isArray()) {
            return Array.get(target, index);
        }
        if (target instanceof List<?> list) {
            return list.get(index);
        }
        throw new IllegalArgumentException(Variables.typeName(target) + " cannot be indexed");
    }

    private static IllegalArgumentException unsupported(String expression) {
        throw new IllegalArgumentException("cannot evaluate '" + expression + "': the Java debugger evaluates a name"
                + " followed by .field, .method() and [index], not other Java expressions");
    }
}
