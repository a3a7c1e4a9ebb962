package org.javaparallel.parallel.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Jars and class directories added to the kernel's cell classpath ({@code %classpath}, {@code %jars}) that worker
 * JVMs must load too: a worker gets the entries it lacks before it runs its next task, so code that uses a library
 * runs unchanged on the processes backend.
 */
public final class WorkerClasspath {
    private static final CopyOnWriteArrayList<Path> ENTRIES = new CopyOnWriteArrayList<>();

    private WorkerClasspath() {
    }

    public static void add(Path entry) {
        ENTRIES.addIfAbsent(entry.toAbsolutePath().normalize());
    }

    /** In the order they were added. */
    public static List<Path> entries() {
        return List.copyOf(ENTRIES);
    }
}
