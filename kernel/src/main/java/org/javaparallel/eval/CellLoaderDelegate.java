package org.javaparallel.eval;

import java.nio.file.Path;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/** JShell's class-loading seam: every class JShell compiles is woven, stored and defined by the cell class store. */
final class CellLoaderDelegate implements LoaderDelegate {
    private final CellClassStore store;

    CellLoaderDelegate(CellClassStore store) {
        this.store = store;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            try {
                store.define(classes[i].name(), CellCodeWeaver.weave(classes[i].bytecodes()));
                installed[i] = true;
            } catch (RuntimeException | LinkageError e) {
                throw new ClassInstallException("cannot load " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        // In-process execution cannot redefine classes; JShell then compiles replacements under new names.
    }

    @Override
    public void addToClasspath(String path) {
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                store.addJar(Path.of(entry));
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return store.findLoaded(name);
    }
}
