package org.javaparallel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link SearchFromMain} as a user would: a separate {@code java} process on the examples module's
 * runtime class path (the library jars and their dependencies, no kernel, no jjava), and reads what it prints.
 */
class SearchFromMainIT {
    private static final Pattern BEST_LINE =
            Pattern.compile("^(threads 2|processes 2): best (\\{.*}), mean accuracy ([0-9.]+)$", Pattern.MULTILINE);
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void bothBackendsFindTheSameGoodCandidate() throws Exception {
        String output = runExample();

        Map<String, String> bestByBackend = new LinkedHashMap<>();
        Matcher line = BEST_LINE.matcher(output);
        while (line.find()) {
            bestByBackend.put(line.group(1), line.group(2));
            double score = Double.parseDouble(line.group(3));
            assertTrue(score > 0.9, line.group(1) + " scored " + score + ":\n" + output);
        }
        assertEquals(List.of("threads 2", "processes 2"), List.copyOf(bestByBackend.keySet()), output);
        assertEquals(bestByBackend.get("threads 2"), bestByBackend.get("processes 2"), output);
        assertTrue(output.contains("same best candidate on both backends: true"), output);
    }

    /** Starts the example's JVM, waits for it and returns its stdout and stderr together. */
    private static String runExample() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Without jdk.jshell among the observable modules, the example's JVM cannot use JShell even by accident.
        command.addAll(List.of("--limit-modules", "java.se,jdk.unsupported"));
        // Spark's own module options, as a program that also starts a SparkSession must pass them: this
        // search runs without them, but the pool's worker JVMs must start with the parent's module options
        // (WorkerCommand copies them), and this checks that they still do.
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", exampleClassPath(), SearchFromMain.class.getName()));

        // to a file, not a pipe: a pipe that nobody reads while we wait would block the example when full
        Path log = Files.createTempFile("search-from-main", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the example ran longer than " + TIMEOUT_MINUTES + " minutes:\n" + Files.readString(log));
            }
            String text = Files.readString(log);
            assertEquals(0, process.exitValue(), () -> "the example failed:\n" + text);
            return text;
        } finally {
            Files.delete(log);
        }
    }

    /**
     * The module's classes and its runtime dependencies, as the pom wrote them for this test; not this JVM's
     * class path, which also holds JUnit and the test classes.
     */
    private static String exampleClassPath() throws IOException {
        String dependencies = Files.readString(Path.of(System.getProperty("example.classpath.file"))).strip();
        for (String forbidden : List.of("jjava", "java-parallel-kernel", "java-parallel-spark")) {
            assertFalse(dependencies.contains(forbidden), "the examples' runtime class path has " + forbidden);
        }
        return System.getProperty("example.classes") + File.pathSeparator + dependencies;
    }
}
