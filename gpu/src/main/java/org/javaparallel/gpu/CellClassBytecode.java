package org.javaparallel.gpu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.bcel.Repository;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.JavaClass;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.CellCodeRegistry;

/**
 * Gives Aparapi the bytecode of kernel classes defined in notebook cells. Aparapi reads a class through BCEL's class
 * repository, which asks the class's loader for its class file; the kernel's cell loader has one, but woven with
 * the kernel's stop checks (a call at every method entry), which Aparapi cannot translate to OpenCL. So the class
 * file javac compiled ({@link CellCode#compiledBytecode}) is put into the repository first, where BCEL looks before
 * it asks the loader. Classes from jars are left to the loader.
 */
final class CellClassBytecode {
    private CellClassBytecode() {
    }

    /**
     * Puts the compiled bytecode of {@code kernelClass} and of its superclasses defined in cells into BCEL's
     * repository. The repository holds classes softly, so the caller keeps the returned list until Aparapi has
     * read them.
     */
    static List<JavaClass> offerToTranslator(Class<?> kernelClass) {
        List<JavaClass> offered = new ArrayList<>();
        CellCodeRegistry.current().ifPresent(cells -> {
            for (Class<?> type = kernelClass; type != null; type = type.getSuperclass()) {
                String name = type.getName();
                cells.compiledBytecode(name).ifPresent(bytecode -> offered.add(parse(name, bytecode)));
            }
        });
        offered.forEach(Repository::addClass);
        return offered;
    }

    private static JavaClass parse(String name, byte[] bytecode) {
        try {
            return new ClassParser(new ByteArrayInputStream(bytecode), name.replace('.', '/') + ".class").parse();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bytecode of cell class " + name, e);
        }
    }
}
