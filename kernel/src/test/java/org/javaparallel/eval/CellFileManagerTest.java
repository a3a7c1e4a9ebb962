package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;

class CellFileManagerTest {
    private static final String SEP = File.pathSeparator;

    /** Nothing deferred: javac compiles against the kernel's class path as given. */
    private static final CompileClassPath WHOLE = new CompileClassPath("a.jar", List.of("a.jar"), List.of());

    private final List<String> forwarded = new ArrayList<>();

    private StandardJavaFileManager recordingJavac() {
        return (StandardJavaFileManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{StandardJavaFileManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("handleOption")) {
                        @SuppressWarnings("unchecked")
                        Iterator<String> values = (Iterator<String>) args[1];
                        forwarded.add(args[0] + " " + values.next());
                        return true;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void passesTheMultiReleaseOptionOnOnlyWhenItsValueChanges() {
        CellFileManager files = new CellFileManager(recordingJavac(), WHOLE);

        assertTrue(files.handleOption("--multi-release", List.of("17").iterator()));
        assertTrue(files.handleOption("--multi-release", List.of("17").iterator()));
        assertTrue(files.handleOption("--multi-release", List.of("21").iterator()));

        assertEquals(List.of("--multi-release 17", "--multi-release 21"), forwarded);
    }

    @Test
    void passesClassPathChangesOnEveryTime() {
        CellFileManager files = new CellFileManager(recordingJavac(), WHOLE);

        files.handleOption("-classpath", List.of("a.jar").iterator());
        files.handleOption("-classpath", List.of("a.jar").iterator());

        assertEquals(List.of("-classpath a.jar", "-classpath a.jar"), forwarded);
    }

    @Test
    void compilesAgainstTheInitialEntriesInPlaceOfTheKernelClassPath() {
        CompileClassPath narrow = new CompileClassPath("api.jar" + SEP + "netty.jar" + SEP + "spark.jar",
                List.of("api.jar", "spark.jar"), List.of("netty.jar"));

        CellFileManager files = new CellFileManager(recordingJavac(), narrow);
        files.handleOption("-classpath", List.of(narrow.kernelClassPath() + SEP + "user.jar").iterator());
        files.handleOption("-classpath",
                List.of(narrow.kernelClassPath() + SEP + "user.jar" + SEP + narrow.deferredEntries()).iterator());

        assertEquals(List.of(
                "-classpath api.jar" + SEP + "spark.jar",
                "-classpath api.jar" + SEP + "spark.jar" + SEP + "user.jar",
                "-classpath api.jar" + SEP + "spark.jar" + SEP + "user.jar" + SEP + "netty.jar"), forwarded);
    }
}
