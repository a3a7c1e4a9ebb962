package org.javaparallel.parallel.process;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the top-level variables a task reads: starting from the task's code (a lambda's implementation
 * method, or all methods of a cell class instance), it follows calls into other cell classes and collects every
 * GETSTATIC of a field that holds a top-level variable. Methods are followed one by one, not whole classes,
 * because the wrapper class of the cell that calls {@code map} also reads the pool and other variables the
 * task never touches.
 */
final class VariableScanner {
    private record MethodRef(String owner, String name, String descriptor) {
        boolean matches(String otherName, String otherDescriptor) {
            return name == null || (name.equals(otherName) && descriptor.equals(otherDescriptor));
        }
    }

    private final ClassDirectory classes;
    private final Map<String, TopLevelVariable> variablesByField = new HashMap<>();
    private final Set<MethodRef> seen = new HashSet<>();
    private final Deque<MethodRef> work = new ArrayDeque<>();
    private final Set<TopLevelVariable> found = new LinkedHashSet<>();

    private VariableScanner(ClassDirectory classes, List<TopLevelVariable> variables) {
        this.classes = classes;
        for (TopLevelVariable variable : variables) {
            variablesByField.put(fieldKey(variable.ownerClass().replace('.', '/'), variable.field()), variable);
        }
    }

    static Set<TopLevelVariable> variablesReadBy(Object task, ClassDirectory classes, List<TopLevelVariable> variables) {
        VariableScanner scanner = new VariableScanner(classes, variables);
        scanner.addRoots(task, Collections.newSetFromMap(new IdentityHashMap<>()));
        while (!scanner.work.isEmpty()) {
            scanner.scan(scanner.work.poll());
        }
        return scanner.found;
    }

    private static String fieldKey(String internalOwner, String field) {
        return internalOwner + "." + field;
    }

    private void addRoots(Object value, Set<Object> visited) {
        if (value == null || !visited.add(value)) {
            return;
        }
        SerializedLambda lambda = serializedLambda(value);
        if (lambda != null) {
            follow(new MethodRef(lambda.getImplClass(), lambda.getImplMethodName(), lambda.getImplMethodSignature()));
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                addRoots(lambda.getCapturedArg(i), visited);
            }
            return;
        }
        follow(new MethodRef(value.getClass().getName().replace('.', '/'), null, null));
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    addRoots(accessor.invoke(value), visited);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a component we cannot read is scanned through its class's methods instead
                }
            }
        }
    }

    private static SerializedLambda serializedLambda(Object value) {
        if (!value.getClass().isSynthetic()) {
            return null;
        }
        try {
            Method writeReplace = value.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replacement = writeReplace.invoke(value);
            return replacement instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Queues a method (or, with a null name, every method of a class) if it belongs to a cell class. */
    private void follow(MethodRef method) {
        if (classes.bytecode(method.owner()).isPresent() && seen.add(method)) {
            work.add(method);
        }
    }

    private void scan(MethodRef wanted) {
        byte[] bytecode = classes.bytecode(wanted.owner()).orElseThrow();
        boolean[] declared = {false};
        String[] supertypes = {null};
        new ClassReader(bytecode).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                List<String> all = new java.util.ArrayList<>(List.of(interfaces));
                if (superName != null) {
                    all.add(superName);
                }
                supertypes[0] = String.join(" ", all);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!wanted.matches(name, descriptor)) {
                    return null;
                }
                declared[0] = true;
                return new ReferenceCollector();
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (!supertypes[0].isEmpty()) {
            for (String supertype : supertypes[0].split(" ")) {
                if (wanted.name() == null || !declared[0]) {
                    follow(new MethodRef(supertype, wanted.name(), wanted.descriptor()));
                }
            }
        }
    }

    private final class ReferenceCollector extends MethodVisitor {
        ReferenceCollector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            TopLevelVariable variable = variablesByField.get(fieldKey(owner, name));
            if (opcode == Opcodes.GETSTATIC && variable != null) {
                found.add(variable);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            follow(new MethodRef(owner, name, descriptor));
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    follow(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc()));
                }
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Handle handle) {
                follow(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc()));
            }
        }
    }
}
