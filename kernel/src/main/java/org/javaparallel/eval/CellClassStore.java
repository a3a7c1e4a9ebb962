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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Defines the classes JShell compiles for cells and keeps their bytecode in a directory the kernel owns
 * (laid out like a classpath entry), so that worker JVMs and Spark executors can load the same classes.
 * Remembers which wrapper class holds each top-level variable, and which cell each snippet came from.
 */
final class CellClassStore extends URLClassLoader implements CellCode, AutoCloseable {
    static {
        registerAsParallelCapable();
    }

    /** The package of every class JShell compiles for a snippet. */
    private static final String CELL_PACKAGE = "REPL.";
    /** JShell's top-level wrapper classes, which hold the top-level variables as static fields. */
    private static final java.util.regex.Pattern WRAPPER_NAME =
            java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(CELL_PACKAGE) + "\\$JShell\\$\\d+[A-Z]*");

    private final Path directory;
    private final Map<String, TopLevelVariable> variablesByName = new LinkedHashMap<>();
    private final Map<String, FailureTrace.Origin> originsBySnippetId = new ConcurrentHashMap<>();
    /** What javac compiled, before weaving; kept in memory as JShell keeps it too. */
    private final Map<String, byte[]> compiledByName = new ConcurrentHashMap<>();
    private volatile int cellBeingEvaluated;
    private final AtomicLong stateVersion = new AtomicLong();
    private volatile Set<String> liveVariableNames = Set.of();
    private final CellInstrumentation instrumentation;
    /** This JVM's own versions of classes written but not defined yet (see {@link CellInstrumentation}). */
    private final Map<String, byte[]> instrumentedByName = new ConcurrentHashMap<>();

    CellClassStore(Path directory, ClassLoader parent, CellInstrumentation instrumentation) {
        super(new URL[]{toUrl(directory)}, parent);
        this.directory = directory;
        this.instrumentation = instrumentation;
    }

    static CellClassStore inTemporaryDirectory(ClassLoader parent, CellInstrumentation instrumentation) {
        try {
            return new CellClassStore(Files.createTempDirectory("java-parallel-cells-"), parent, instrumentation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for cell classes", e);
        }
    }

    /**
     * Writes the class files of one snippet, then loads them from the directory. Writing all of them first
     * matters: JShell lists a snippet's classes in no fixed order, and a nested class may resolve its outer
     * class while being defined. {@code compiledByName} is the same classes before weaving.
     */
    synchronized void defineAll(Map<String, byte[]> bytecodeByName, Map<String, byte[]> compiledByName) {
        this.compiledByName.putAll(compiledByName);
        for (Map.Entry<String, byte[]> entry : bytecodeByName.entrySet()) {
            Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store cell class " + entry.getKey(), e);
            }
            instrumented(entry.getKey(), entry.getValue())
                    .ifPresent(bytes -> instrumentedByName.put(entry.getKey(), bytes));
        }
        for (String name : bytecodeByName.keySet()) {
            try {
                rememberVariables(loadClass(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cell class " + name + " was written but cannot be loaded", e);
            }
        }
    }

    /** What the instrumentation makes of a class; nothing when it leaves it as it is or cannot rewrite it. */
    private Optional<byte[]> instrumented(String name, byte[] bytecode) {
        try {
            byte[] instrumented = instrumentation.instrument(name, bytecode);
            return instrumented == bytecode ? Optional.empty() : Optional.of(instrumented);
        } catch (RuntimeException cannotRewrite) {
            System.getLogger(CellClassStore.class.getName()).log(System.Logger.Level.WARNING,
                    "the debugger cannot add its probes to " + name + "; it runs without them", cannotRewrite);
            return Optional.empty();
        }
    }

    /**
     * True if every one of these classes is loaded already and its new bytecode differs from the loaded one at
     * most in debug information (line numbers move when JShell recompiles a snippet below a new import).
     */
    synchronized boolean holdsEquivalent(Map<String, byte[]> bytecodeByName) {
        for (Map.Entry<String, byte[]> entry : bytecodeByName.entrySet()) {
            Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
            try {
                if (findLoadedClass(entry.getKey()) == null || !Files.isRegularFile(file)
                        || !Arrays.equals(withoutDebugInfo(Files.readAllBytes(file)), withoutDebugInfo(entry.getValue()))) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static byte[] withoutDebugInfo(byte[] bytecode) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(bytecode).accept(writer, ClassReader.SKIP_DEBUG);
        return writer.toByteArray();
    }

    private void rememberVariables(Class<?> loaded) {
        if (!WRAPPER_NAME.matcher(loaded.getName()).matches()) {
            return;
        }
        for (Field field : loaded.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                variablesByName.put(field.getName(),
                        new TopLevelVariable(field.getName(), loaded.getName(), field.getName()));
            }
        }
    }

    /**
     * A class this JVM instruments is defined from its instrumented bytes; the file keeps what workers load. Should
     * the instrumented class not verify, the file's class is defined instead: the cell runs, without probes.
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] instrumented = instrumentedByName.remove(name);
        if (instrumented != null) {
            try {
                return defineClass(name, instrumented, 0, instrumented.length);
            } catch (VerifyError | ClassFormatError rejected) {
                System.getLogger(CellClassStore.class.getName()).log(System.Logger.Level.WARNING,
                        "the debugger's probes made " + name + " invalid; it runs without them", rejected);
            }
        }
        return super.findClass(name);
    }

    /**
     * A cell class is looked up here only; everything else parent first. JShell compiles every snippet into its
     * package {@code REPL}, which no jar has: asking the parent first would search every jar of the kernel's class
     * path (hundreds, with Spark's) for each class of each snippet, only to find nothing.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(CELL_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : findClass(name);
        }
    }

    Class<?> findLoaded(String binaryName) throws ClassNotFoundException {
        Class<?> loaded = findLoadedClass(binaryName);
        return loaded != null ? loaded : loadClass(binaryName);
    }

    void addJar(Path jar) {
        addURL(toUrl(jar));
    }

    /** Called before JShell evaluates code of this cell. */
    void evaluating(int cellNumber) {
        cellBeingEvaluated = cellNumber;
    }

    /** Remembers where JShell's snippet {@code snippetId} starts once it ran: in which cell, at which line. */
    void snippetFrom(String snippetId, FailureTrace.Origin origin) {
        originsBySnippetId.put(snippetId, origin);
    }

    /** Where each snippet evaluated so far starts, by snippet id. */
    Map<String, FailureTrace.Origin> originsBySnippetId() {
        return originsBySnippetId;
    }

    /**
     * Forgets a top-level variable JShell dropped: its field no longer holds the value (a dropped variable's class
     * stays loaded, and would keep it alive for the kernel's lifetime), and it is no longer listed.
     */
    synchronized void forget(String variableName) {
        TopLevelVariable variable = variablesByName.remove(variableName);
        if (variable == null) {
            return;
        }
        try {
            Field field = findLoaded(variable.ownerClass()).getDeclaredField(variable.field());
            if (!field.getType().isPrimitive()) {
                field.setAccessible(true);
                field.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError keptAlive) {
            // the value stays reachable from its class, as JShell itself would keep it: nothing is lost
        }
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
    public Optional<byte[]> compiledBytecode(String binaryName) {
        return Optional.ofNullable(compiledByName.get(binaryName)).map(byte[]::clone);
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

    /** A snippet not remembered yet is one that JShell runs now (its id is known when it ended): this cell's. */
    @Override
    public OptionalInt cellOfSnippet(String snippetId) {
        FailureTrace.Origin origin = originsBySnippetId.get(snippetId);
        return OptionalInt.of(origin != null ? origin.cellNumber() : cellBeingEvaluated);
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
