package org.javaparallel.debugger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Weaves a probe at the start of every line of every method of a cell class (the lines of its LineNumberTable):
 * <pre>
 *   if (DebugProbes.armed(site)) DebugProbes.hit(site, new Object[] {local1, local2, ...});
 * </pre>
 * The locals are those the LocalVariableTable (cells are compiled with {@code -g}) puts in scope there and that
 * hold a value at that point, boxed. The frame after the probe equals the one before it, which ASM's
 * {@link AnalyzerAdapter} gives, so the class keeps valid stack map frames without recomputing them (which
 * would need to load cell classes that are not defined yet).
 */
final class ProbeWeaver {
    private static final String PROBES = Type.getInternalName(DebugProbes.class);

    private ProbeWeaver() {
    }

    static byte[] weave(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode scan = new ClassNode();
        reader.accept(scan, 0);
        Map<String, List<LineScope>> linesByMethod = new HashMap<>();
        for (MethodNode method : scan.methods) {
            linesByMethod.put(method.name + method.desc, LineScope.of(method));
        }
        String className = Type.getObjectType(scan.name).getClassName();
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                List<LineScope> lines = linesByMethod.get(name + descriptor);
                if (next == null || lines == null || lines.isEmpty()) {
                    return next;
                }
                AnalyzerAdapter frames = new AnalyzerAdapter(scan.name, access, name, descriptor, next);
                return new ProbingMethod(frames, className, name, lines);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** A line of a method and the local variables (from the LocalVariableTable) in scope where it starts. */
    private record LineScope(int line, List<LocalVariableNode> locals) {
        static List<LineScope> of(MethodNode method) {
            List<LineScope> lines = new ArrayList<>();
            List<LocalVariableNode> table = method.localVariables == null ? List.of() : method.localVariables;
            for (AbstractInsnNode node : method.instructions) {
                if (node instanceof LineNumberNode lineNode) {
                    int at = method.instructions.indexOf(lineNode.start);
                    List<LocalVariableNode> inScope = table.stream()
                            .filter(local -> method.instructions.indexOf(local.start) <= at
                                    && at < method.instructions.indexOf(local.end))
                            .toList();
                    lines.add(new LineScope(lineNode.line, inScope));
                }
            }
            return lines;
        }
    }

    /** Inserts the probe before the first instruction after each line number (after the line's frame, if any). */
    private static final class ProbingMethod extends MethodVisitor {
        private final AnalyzerAdapter frames;
        private final String className;
        private final String methodName;
        private final List<LineScope> lines;
        private int nextLine;
        private LineScope pending;

        ProbingMethod(AnalyzerAdapter frames, String className, String methodName, List<LineScope> lines) {
            super(Opcodes.ASM9, frames);
            this.frames = frames;
            this.className = className;
            this.methodName = methodName;
            this.lines = lines;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            super.visitLineNumber(line, start);
            if (nextLine < lines.size()) {
                pending = lines.get(nextLine++);
            }
        }

        private void beforeInstruction() {
            LineScope line = pending;
            pending = null;
            // unreachable code has no frame; a line starting inside an expression keeps values on the stack
            if (line == null || frames.locals == null || !frames.stack.isEmpty()) {
                return;
            }
            List<Object> locals = new ArrayList<>(frames.locals);
            List<LocalVariableNode> captured = new ArrayList<>();
            for (LocalVariableNode local : line.locals()) {
                if (holdsValue(locals, local)) {
                    captured.add(local);
                }
            }
            int site = DebugProbes.register(new ProbeSite(className, methodName, line.line(),
                    captured.stream().map(local -> local.name).toList(),
                    captured.stream().map(local -> local.desc).toList()));
            Label skip = new Label();
            MethodVisitor out = mv;
            out.visitLdcInsn(site);
            out.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "armed", "(I)Z", false);
            out.visitJumpInsn(Opcodes.IFEQ, skip);
            out.visitLdcInsn(site);
            out.visitLdcInsn(captured.size());
            out.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
            for (int i = 0; i < captured.size(); i++) {
                LocalVariableNode local = captured.get(i);
                out.visitInsn(Opcodes.DUP);
                out.visitLdcInsn(i);
                Type type = Type.getType(local.desc);
                out.visitVarInsn(type.getOpcode(Opcodes.ILOAD), local.index);
                box(out, type);
                out.visitInsn(Opcodes.AASTORE);
            }
            out.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "hit", "(I[Ljava/lang/Object;)V", false);
            out.visitLabel(skip);
            out.visitFrame(Opcodes.F_NEW, compact(locals).size(), compact(locals).toArray(), 0, new Object[0]);
        }

        /** The frame says the local's slot holds a value of the local's kind (not yet assigned is TOP). */
        private static boolean holdsValue(List<Object> locals, LocalVariableNode local) {
            if (local.index >= locals.size()) {
                return false;
            }
            Object slot = locals.get(local.index);
            return switch (Type.getType(local.desc).getSort()) {
                case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> slot == Opcodes.INTEGER;
                case Type.FLOAT -> slot == Opcodes.FLOAT;
                case Type.LONG -> slot == Opcodes.LONG;
                case Type.DOUBLE -> slot == Opcodes.DOUBLE;
                default -> slot instanceof String || slot == Opcodes.NULL;
            };
        }

        /** AnalyzerAdapter lists a long or double as two slots (the second TOP); a frame lists it as one. */
        private static List<Object> compact(List<Object> locals) {
            List<Object> frame = new ArrayList<>();
            for (int i = 0; i < locals.size(); i++) {
                Object slot = locals.get(i);
                frame.add(slot);
                if (slot == Opcodes.LONG || slot == Opcodes.DOUBLE) {
                    i++;
                }
            }
            return frame;
        }

        private static void box(MethodVisitor out, Type type) {
            String owner = switch (type.getSort()) {
                case Type.BOOLEAN -> "java/lang/Boolean";
                case Type.BYTE -> "java/lang/Byte";
                case Type.CHAR -> "java/lang/Character";
                case Type.SHORT -> "java/lang/Short";
                case Type.INT -> "java/lang/Integer";
                case Type.FLOAT -> "java/lang/Float";
                case Type.LONG -> "java/lang/Long";
                case Type.DOUBLE -> "java/lang/Double";
                default -> null;
            };
            if (owner != null) {
                out.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "valueOf",
                        "(" + type.getDescriptor() + ")L" + owner + ";", false);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            beforeInstruction();
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            beforeInstruction();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            beforeInstruction();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            beforeInstruction();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            beforeInstruction();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            beforeInstruction();
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            beforeInstruction();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            beforeInstruction();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            beforeInstruction();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            beforeInstruction();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            beforeInstruction();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            beforeInstruction();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            beforeInstruction();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }
    }
}
