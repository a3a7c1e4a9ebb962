package org.javaparallel.eval;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The class path javac compiles cells against, a part of the kernel JVM's own class path at first. javac and
 * JShell's completion keep an index of every jar they compile against, so the hundreds of jars Spark brings
 * (netty, hadoop, arrow, parquet...) would cost the idle kernel tens of megabytes that a cell rarely needs.
 * The {@code deferred} entries are added when a cell names a package or class that is not on the
 * {@code initial} ones. Cells run with the whole class path from the start: only compilation is narrowed.
 *
 * @param kernelClassPath the JVM's class path as JShell sees it ({@code java.class.path})
 * @param initial         entries compiled against from the start
 * @param deferred        entries added on demand
 */
public record CompileClassPath(String kernelClassPath, List<String> initial, List<String> deferred) {

    public CompileClassPath {
        initial = List.copyOf(initial);
        deferred = List.copyOf(deferred);
    }

    /** The kernel's directories and the jars {@code isCellApi} accepts first; the other jars on demand. */
    public static CompileClassPath narrowedTo(Predicate<Path> isCellApi) {
        String kernelClassPath = System.getProperty("java.class.path");
        List<String> initial = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        for (String entry : entries(kernelClassPath)) {
            Path path = Path.of(entry);
            (Files.isDirectory(path) || isCellApi.test(path) ? initial : deferred).add(entry);
        }
        return new CompileClassPath(kernelClassPath, initial, deferred);
    }

    /** The non-blank entries of a class path string. */
    static List<String> entries(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).toList();
    }

    /**
     * JShell hands javac the kernel's class path followed by the entries added since
     * ({@code addToClasspath}); javac gets the initial entries in place of the kernel's.
     */
    String narrowed(String javacClassPath) {
        if (!isNarrowed() || !javacClassPath.startsWith(kernelClassPath)) {
            return javacClassPath;
        }
        return String.join(File.pathSeparator, initial) + javacClassPath.substring(kernelClassPath.length());
    }

    /** Whether compilation starts without some of the kernel's jars. */
    boolean isNarrowed() {
        return !deferred.isEmpty();
    }

    /** What {@code addToClasspath} is given to widen compilation to the whole kernel class path. */
    String deferredEntries() {
        return String.join(File.pathSeparator, deferred);
    }
}
