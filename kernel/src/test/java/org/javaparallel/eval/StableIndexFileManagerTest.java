package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;

class StableIndexFileManagerTest {
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
        StableIndexFileManager files = new StableIndexFileManager(recordingJavac());

        assertTrue(files.handleOption("--multi-release", List.of("17").iterator()));
        assertTrue(files.handleOption("--multi-release", List.of("17").iterator()));
        assertTrue(files.handleOption("--multi-release", List.of("21").iterator()));

        assertEquals(List.of("--multi-release 17", "--multi-release 21"), forwarded);
    }

    @Test
    void passesClassPathChangesOnEveryTime() {
        StableIndexFileManager files = new StableIndexFileManager(recordingJavac());

        files.handleOption("-classpath", List.of("a.jar").iterator());
        files.handleOption("-classpath", List.of("a.jar").iterator());

        assertEquals(List.of("-classpath a.jar", "-classpath a.jar"), forwarded);
    }
}
