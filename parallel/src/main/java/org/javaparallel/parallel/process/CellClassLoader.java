package org.javaparallel.parallel.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.javaparallel.parallel.spi.CellCode;

/** Defines, in a worker JVM, the cell classes the kernel shipped; everything else comes from the classpath. */
final class CellClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> bytecode = new ConcurrentHashMap<>();

    CellClassLoader(ClassLoader parent) {
        super("cells", parent);
    }

    void add(Map<String, byte[]> classes) {
        bytecode.putAll(classes);
    }

    /** A cell class is looked up here only (see {@link CellCode#isCellClass}); everything else parent first. */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!CellCode.isCellClass(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : findClass(name);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = bytecode.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
