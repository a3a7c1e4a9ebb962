package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A jar built by the test, holding one compiled class that no classpath of the project has: a stand-in library. */
public final class LibraryJar {
    private LibraryJar() {
    }

    /**
     * Compiles {@code source} (a class {@code className} in package {@code demo}) and packs it as {@code name}.jar
     * in {@code directory}.
     */
    public static Path build(Path directory, String name, String className, String source) throws IOException {
        Path sources = Files.createDirectories(directory.resolve(name + "-src/demo"));
        Path classes = Files.createDirectories(directory.resolve(name + "-classes"));
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), file.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + file);
        }
        return pack(directory.resolve(name + ".jar"), classes.resolve("demo/" + className + ".class"));
    }

    /** The source of the class that {@link #build} compiled as {@code name}, packed as a Maven sources jar. */
    public static Path sources(Path directory, String name) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve(name + "-src/demo"))) {
            return pack(directory.resolve(name + "-sources.jar"), files.toArray(Path[]::new));
        }
    }

    /** A jar of {@code files}, each as an entry of the package {@code demo}. */
    private static Path pack(Path jar, Path... files) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out)) {
            for (Path file : files) {
                packed.putNextEntry(new JarEntry("demo/" + file.getFileName()));
                packed.write(Files.readAllBytes(file));
                packed.closeEntry();
            }
        }
        return jar;
    }
}
