package org.javaparallel.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/** JShell's class-loading seam: every class JShell compiles is woven, stored and defined by the cell class store. */
final class CellLoaderDelegate implements LoaderDelegate {
    private static final Set<Path> KERNEL_CLASS_PATH = CompileClassPath.entries(System.getProperty("java.class.path"))
            .stream().map(CellLoaderDelegate::normalized).collect(Collectors.toSet());

    private final CellClassStore store;

    CellLoaderDelegate(CellClassStore store) {
        this.store = store;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        try {
            store.defineAll(woven(classes), compiled(classes));
        } catch (RuntimeException | LinkageError e) {
            throw new ClassInstallException("cannot load the classes of this snippet: " + e, new boolean[classes.length]);
        }
    }

    private static Map<String, byte[]> compiled(ClassBytecodes[] classes) {
        Map<String, byte[]> compiled = new LinkedHashMap<>();
        for (ClassBytecodes snippetClass : classes) {
            compiled.put(snippetClass.name(), snippetClass.bytecodes());
        }
        return compiled;
    }

    static Map<String, byte[]> woven(ClassBytecodes[] classes) {
        Map<String, byte[]> woven = new LinkedHashMap<>();
        for (ClassBytecodes snippetClass : classes) {
            woven.put(snippetClass.name(), CellCodeWeaver.weave(snippetClass.bytecodes()));
        }
        return woven;
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        // In-process execution cannot redefine classes; JShell then compiles replacements under new names.
    }

    /** Entries on the kernel JVM's own class path are skipped: their classes must keep coming from its loader. */
    @Override
    public void addToClasspath(String path) {
        for (String entry : CompileClassPath.entries(path)) {
            if (!KERNEL_CLASS_PATH.contains(normalized(entry))) {
                store.addJar(Path.of(entry));
            }
        }
    }

    private static Path normalized(String entry) {
        return Path.of(entry).toAbsolutePath().normalize();
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return store.findLoaded(name);
    }
}
