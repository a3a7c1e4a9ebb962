package org.javaparallel.parallel.process;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** In a worker JVM, the jars and class directories the kernel's cells added to their classpath. */
final class LibraryClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    LibraryClassLoader(ClassLoader parent) {
        super("libraries", new URL[0], parent);
    }

    void add(String entry) {
        try {
            addURL(Path.of(entry).toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a classpath entry: " + entry, e);
        }
    }
}
