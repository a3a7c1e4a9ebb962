package org.javaparallel.parallel.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = bytecode.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
