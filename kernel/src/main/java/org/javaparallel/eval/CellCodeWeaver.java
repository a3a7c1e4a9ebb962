package org.javaparallel.eval;

import java.util.HashSet;
import java.util.Set;
import org.javaparallel.parallel.spi.CellInterrupts;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the bytecode of cell classes: a call to {@code CellInterrupts.check()} at every method entry and
 * before every backward branch, so that an interrupt stops even {@code while (true) {}}; and
 * {@code System.exit}/{@code Runtime.exit}/{@code Runtime.halt} redirected to {@code CellInterrupts.exit}.
 */
final class CellCodeWeaver {
    /** Named by the class itself: woven code must follow CellInterrupts when it moves to another package. */
    private static final String HOOKS = Type.getInternalName(CellInterrupts.class);

    private CellCodeWeaver() {
    }

    static byte[] weave(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
                return hasCode ? new StopCheckingMethod(next) : next;
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class StopCheckingMethod extends MethodVisitor {
        private final Set<Label> seenLabels = new HashSet<>();

        StopCheckingMethod(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            checkStop();
        }

        @Override
        public void visitLabel(Label label) {
            seenLabels.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seenLabels.contains(label)) {
                checkStop();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt"))) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exit", "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private void checkStop() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "check", "()V", false);
        }
    }
}
