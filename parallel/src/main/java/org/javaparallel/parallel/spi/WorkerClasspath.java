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

    /**
     * Adds a jar or class directory for worker JVMs; adding one twice has no effect.
     *
     * @param entry the jar or directory; not null, made absolute
     * @throws NullPointerException if {@code entry} is null
     */
    public static void add(Path entry) {
        ENTRIES.addIfAbsent(entry.toAbsolutePath().normalize());
    }

    /**
     * The entries added so far, in the order they were added.
     *
     * @return an unmodifiable copy, never null
     */
    public static List<Path> entries() {
        return List.copyOf(ENTRIES);
    }
}
