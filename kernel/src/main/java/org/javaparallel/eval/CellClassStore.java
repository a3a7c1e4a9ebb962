package org.javaparallel.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.javaparallel.parallel.code.CellCode;
import org.javaparallel.parallel.code.TopLevelVariable;

/**
 * Defines the classes JShell compiles for cells and keeps their bytecode in a directory the kernel owns
 * (laid out like a classpath entry), so that worker JVMs and Spark executors can load the same classes.
 * Remembers which wrapper class holds each top-level variable.
 */
final class CellClassStore extends URLClassLoader implements CellCode, AutoCloseable {
    static {
        registerAsParallelCapable();
    }

    private final Path directory;
    private final Map<String, TopLevelVariable> variablesByName = new LinkedHashMap<>();
    private final AtomicLong stateVersion = new AtomicLong();
    private volatile Set<String> liveVariableNames = Set.of();

    CellClassStore(Path directory, ClassLoader parent) {
        super(new URL[]{toUrl(directory)}, parent);
        this.directory = directory;
    }

    static CellClassStore inTemporaryDirectory(ClassLoader parent) {
        try {
            return new CellClassStore(Files.createTempDirectory("java-parallel-cells-"), parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for cell classes", e);
        }
    }

    /** Writes the class file, then defines the class, so that the file exists before any task can refer to it. */
    synchronized Class<?> define(String binaryName, byte[] bytecode) {
        Path file = directory.resolve(binaryName.replace('.', '/') + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytecode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store cell class " + binaryName, e);
        }
        Class<?> defined = defineClass(binaryName, bytecode, 0, bytecode.length);
        rememberVariables(defined);
        return defined;
    }

    private void rememberVariables(Class<?> wrapper) {
        if (wrapper.getEnclosingClass() != null) {
            return;
        }
        for (Field field : wrapper.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                variablesByName.put(field.getName(),
                        new TopLevelVariable(field.getName(), wrapper.getName(), field.getName()));
            }
        }
    }

    Class<?> findLoaded(String binaryName) throws ClassNotFoundException {
        Class<?> loaded = findLoadedClass(binaryName);
        return loaded != null ? loaded : loadClass(binaryName);
    }

    void addJar(Path jar) {
        addURL(toUrl(jar));
    }

    /** Called after each snippet ran: the live variables as JShell sees them, and a new state version. */
    void snippetRan(Set<String> liveNames) {
        liveVariableNames = Set.copyOf(liveNames);
        stateVersion.incrementAndGet();
    }

    @Override
    public Path classDirectory() {
        return directory;
    }

    @Override
    public ClassLoader loader() {
        return this;
    }

    @Override
    public synchronized List<TopLevelVariable> variables() {
        List<TopLevelVariable> live = new ArrayList<>();
        for (TopLevelVariable variable : variablesByName.values()) {
            if (liveVariableNames.contains(variable.name())) {
                live.add(variable);
            }
        }
        return live;
    }

    @Override
    public long stateVersion() {
        return stateVersion.get();
    }

    @Override
    public void close() {
        try {
            super.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the cell class directory " + directory, e);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable classpath entry: " + path, e);
        }
    }
}
