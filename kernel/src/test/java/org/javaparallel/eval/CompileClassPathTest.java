package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompileClassPathTest {
    private static final String SEP = File.pathSeparator;

    @Test
    void keepsDirectoriesAndTheAcceptedJarsFirstAndDefersTheOthers() {
        CompileClassPath split = CompileClassPath.narrowedTo(jar -> jar.getFileName().toString().startsWith("gson-"));

        assertTrue(split.initial().stream().anyMatch(entry -> Files.isDirectory(Path.of(entry))), split.initial().toString());
        assertTrue(split.initial().stream().anyMatch(entry -> Path.of(entry).getFileName().toString().startsWith("gson-")),
                split.initial().toString());
        assertTrue(split.initial().stream().filter(entry -> !Files.isDirectory(Path.of(entry)))
                .allMatch(entry -> Path.of(entry).getFileName().toString().startsWith("gson-")), split.initial().toString());
        assertTrue(split.deferred().stream().anyMatch(entry -> entry.contains("junit-jupiter-api")), split.deferred().toString());
        assertFalse(split.deferred().stream().anyMatch(entry -> Files.isDirectory(Path.of(entry))), split.deferred().toString());

        List<String> everything = new ArrayList<>(split.initial());
        everything.addAll(split.deferred());
        assertEquals(List.of(System.getProperty("java.class.path").split(SEP)).stream().sorted().toList(),
                everything.stream().sorted().toList());
    }

    @Test
    void javacGetsTheInitialEntriesThenWhatWasAddedSince() {
        CompileClassPath split = new CompileClassPath("a.jar" + SEP + "b.jar" + SEP + "c.jar",
                List.of("a.jar", "c.jar"), List.of("b.jar"));

        assertEquals("a.jar" + SEP + "c.jar", split.narrowed("a.jar" + SEP + "b.jar" + SEP + "c.jar"));
        assertEquals("a.jar" + SEP + "c.jar" + SEP + "mine.jar" + SEP + "b.jar",
                split.narrowed("a.jar" + SEP + "b.jar" + SEP + "c.jar" + SEP + "mine.jar" + SEP + split.deferredEntries()));
        assertEquals("other.jar", split.narrowed("other.jar"));
    }

    @Test
    void withNothingDeferredJavacGetsTheClassPathUnchanged() {
        CompileClassPath whole = new CompileClassPath("a.jar" + SEP + "b.jar", List.of("a.jar", "b.jar"), List.of());

        assertEquals("a.jar" + SEP + "b.jar" + SEP + "mine.jar", whole.narrowed("a.jar" + SEP + "b.jar" + SEP + "mine.jar"));
    }
}
