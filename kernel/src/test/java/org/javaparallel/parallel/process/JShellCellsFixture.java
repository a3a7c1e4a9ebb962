package org.javaparallel.parallel.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.TopLevelVariable;

/**
 * TEST FIXTURE, not the kernel's evaluator: a real in-process JShell whose class loading also writes every class
 * file to a directory, exposed as the {@link CellCode} the process backend ships from. It finds a variable's
 * wrapper class by looking for the newest loaded class with a static field of that name. Each {@link #eval} is a
 * cell, numbered from 1.
 */
final class JShellCellsFixture implements CellCode, AutoCloseable {
    private final Path classDirectory;
    private final CellLoader loader;
    private final JShell shell;
    private long version;
    private volatile int cellCount;
    private final Map<String, Integer> cellBySnippetId = new ConcurrentHashMap<>();

    JShellCellsFixture() throws IOException {
        classDirectory = Files.createTempDirectory("cells");
        loader = new CellLoader(JShellCellsFixture.class.getClassLoader(), classDirectory);
        shell = JShell.builder().executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "fixture";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return new LocalExecutionControl(loader);
            }
        }, Map.of()).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
    }

    /** Evaluates one snippet as the next cell; a compile error or an exception it threw fails with its message. */
    void eval(String code) {
        int cell = ++cellCount;
        try {
            for (SnippetEvent event : shell.eval(code)) {
                cellBySnippetId.put(event.snippet().id(), cell);
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new IllegalArgumentException("rejected: " + code + " " + shell.diagnostics(event.snippet())
                            .map(d -> d.getMessage(null)).toList());
                }
                if (event.exception() != null) {
                    throw new IllegalStateException(event.exception().getMessage(), event.exception());
                }
            }
        } finally {
            version++;
        }
    }

    /** The number of the cell evaluated last, also when it failed. */
    int lastCell() {
        return cellCount;
    }

    @Override
    public Path classDirectory() {
        return classDirectory;
    }

    @Override
    public ClassLoader loader() {
        return loader;
    }

    @Override
    public List<TopLevelVariable> variables() {
        List<TopLevelVariable> variables = new ArrayList<>();
        shell.variables().filter(v -> shell.status(v).isActive()).forEach(v -> variables.add(
                new TopLevelVariable(v.name(), loader.newestOwnerOf(v.name()), v.name())));
        return variables;
    }

    @Override
    public long stateVersion() {
        return version;
    }

    /** As the kernel's: a snippet JShell has not reported yet is running now, in the cell being evaluated. */
    @Override
    public OptionalInt cellOfSnippet(String snippetId) {
        return OptionalInt.of(cellBySnippetId.getOrDefault(snippetId, cellCount));
    }

    @Override
    public void close() throws IOException {
        shell.close();
        try (var files = Files.walk(classDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final class CellLoader extends ClassLoader implements LoaderDelegate {
        private final Path directory;
        private final Map<String, byte[]> bytecode = new ConcurrentHashMap<>();
        private final List<String> loadOrder = new ArrayList<>();

        CellLoader(ClassLoader parent, Path directory) {
            super(parent);
            this.directory = directory;
        }

        @Override
        public synchronized void load(ExecutionControl.ClassBytecodes[] classes) {
            for (ExecutionControl.ClassBytecodes c : classes) {
                bytecode.put(c.name(), c.bytecodes());
                loadOrder.add(c.name());
                try {
                    Path file = directory.resolve(c.name().replace('.', '/') + ".class");
                    Files.createDirectories(file.getParent());
                    Files.write(file, c.bytecodes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        synchronized String newestOwnerOf(String field) {
            for (int i = loadOrder.size() - 1; i >= 0; i--) {
                try {
                    var owner = loadClass(loadOrder.get(i));
                    for (var f : owner.getDeclaredFields()) {
                        if (f.getName().equals(field) && Modifier.isStatic(f.getModifiers())) {
                            return owner.getName();
                        }
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("no wrapper class holds variable " + field);
        }

        @Override
        public void classesRedefined(ExecutionControl.ClassBytecodes[] classes) {
            throw new UnsupportedOperationException("the fixture does not redefine classes");
        }

        @Override
        public void addToClasspath(String path) {
            // the parent loader already has the test classpath
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = bytecode.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
