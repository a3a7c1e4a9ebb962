package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Javadoc found from the signatures JShell shows, in a sources jar as Maven packs it. */
class SourceJavadocTest {
    private static final String SOURCE = """
            package demo.lib;

            import java.util.List;

            /** Greets people. */
            public final class Greeter {
                /** Greets one person. */
                public static String greet(String name) { return name; }

                /** Greets each of {@code names}, {@code times} times. */
                public static String greet(List<String> names, int times) { return ""; }

                /** Joins the greetings. */
                public static String join(String... parts) { return ""; }

                /** A greeting that waits. */
                public static final class Later {
                    /** Greets later. */
                    public void greet(int[] delays) { }
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void aClassAndEachOverloadHaveTheirOwnJavadoc() throws IOException {
        try (SourceJavadoc sources = sourcesWithGreeter()) {
            assertEquals(Optional.of("Greets people."), strip(sources.javadoc("demo.lib.Greeter")));
            assertEquals(Optional.of("Greets one person."), strip(sources.javadoc("String Greeter.greet(String name)")));
            assertEquals(Optional.of("Greets each of {@code names}, {@code times} times."), strip(sources.javadoc(
                    "java.lang.String demo.lib.Greeter.greet(java.util.List<java.lang.String> names, int times)")));
        }
    }

    @Test
    void parametersWithoutNamesVarargsAndNestedClassesAreFound() throws IOException {
        try (SourceJavadoc sources = sourcesWithGreeter()) {
            assertEquals(Optional.of("Joins the greetings."), strip(sources.javadoc("String Greeter.join(java.lang.String...)")));
            assertEquals(Optional.of("Greets later."),
                    strip(sources.javadoc("void demo.lib.Greeter.Later.greet(int[] delays)")));
        }
    }

    @Test
    void whatIsNotThereHasNone() throws IOException {
        try (SourceJavadoc sources = sourcesWithGreeter()) {
            assertEquals(Optional.empty(), sources.javadoc("String Greeter.greet(int times)"));
            assertEquals(Optional.empty(), sources.javadoc("int square(int v)"));
            assertEquals(Optional.empty(), sources.javadoc("java.lang.String"));
        }
    }

    private SourceJavadoc sourcesWithGreeter() throws IOException {
        Path jar = directory.resolve("greeter-1.0-sources.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out)) {
            packed.putNextEntry(new JarEntry("demo/lib/Greeter.java"));
            packed.write(SOURCE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            packed.closeEntry();
        }
        SourceJavadoc sources = new SourceJavadoc();
        sources.add(jar);
        return sources;
    }

    private static Optional<String> strip(Optional<String> javadoc) {
        return javadoc.map(String::strip);
    }
}
