package org.javaparallel.parallel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.javaparallel.kernel.testing.LibraryJar;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.Pools;
import org.javaparallel.parallel.spi.WorkerClasspath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar added to the cell classpath reaches worker JVMs: those that start later and those already running. */
class WorkerClasspathTest {
    @TempDir
    Path directory;

    @Test
    void aJarAddedWhileWorkersRunIsLoadedBeforeTheirNextTask() throws Exception {
        Path jar = LibraryJar.build(directory, "greeting", "Greeting",
                "package demo; public class Greeting { public static String hello(int x) { return \"hello \" + x; } }");
        try (Pool pool = Pools.processes(1)) {
            assertEquals(List.of(1), pool.map((Integer x) -> x, List.of(1)), "the worker runs before the jar exists");
            WorkerClasspath.add(jar);
            List<Object> greetings = pool.map((Integer x) -> {
                try {
                    return Class.forName("demo.Greeting", true, Thread.currentThread().getContextClassLoader())
                            .getMethod("hello", int.class).invoke(null, x);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }, List.of(1, 2));
            assertEquals(List.of("hello 1", "hello 2"), greetings);
        }
    }
}
