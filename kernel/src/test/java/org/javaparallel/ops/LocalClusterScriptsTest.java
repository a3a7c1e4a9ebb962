package org.javaparallel.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-local-cluster.sh refuses before it starts anything (a fake JDK and SPARK_HOME suffice). */
class LocalClusterScriptsTest {

    @TempDir
    Path dir;
    Path fakeJdk;
    Path sparkHome;

    @BeforeEach
    void fakes() throws IOException {
        sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
        fakeJdk = dir.resolve("jdk");
        Path java = Files.createDirectories(fakeJdk.resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo "    java.specification.version = $FAKE_JAVA_VERSION" >&2
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private OpsScripts.Result start(String javaVersion, String... args) {
        return start(Map.of("JP_JAVA_HOME", fakeJdk.toString(), "FAKE_JAVA_VERSION", javaVersion), args);
    }

    private OpsScripts.Result start(Map<String, String> javaChoice, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = OpsScripts.sparkConf().resolve("start-local-cluster.sh").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Map<String, String> env = new HashMap<>(javaChoice);
        env.put("SPARK_HOME", sparkHome.getParent().toString());
        env.put("JAVA_PARALLEL_LOCAL_CLUSTER_DIR", dir.resolve("state").toString());
        return OpsScripts.run(env, Duration.ofSeconds(20), command);
    }

    @Test
    void takesTheJdkOfTheInstalledKernelspec() throws IOException {
        Path spec = Files.createDirectories(dir.resolve("jupyter/kernels/java-parallel")).resolve("kernel.json");
        Files.writeString(spec, """
                {
                  "argv": [
                    "%s",
                    "-cp", "lib/*", "org.javaparallel.kernel.KernelMain", "{connection_file}"
                  ]
                }
                """.formatted(fakeJdk.resolve("bin/java")));
        OpsScripts.Result result = start(Map.of("JUPYTER_DATA_DIR", dir.resolve("jupyter").toString(),
                "FAKE_JAVA_VERSION", "24"), "1");
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains(fakeJdk.resolve("bin/java") + " is Java 24"), result::describe);
    }

    @Test
    void refusesJava23AndLaterNamingTheReason() {
        OpsScripts.Result result = start("25", "1");
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains("is Java 25") && result.stderr().contains("Subject.getSubject"), result::describe);
    }

    @Test
    void rejectsAWorkerCountThatIsNoNumber() {
        OpsScripts.Result result = start("17", "two");
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains("WORKERS must be a positive number, got 'two'"), result::describe);
    }

    @Test
    void rejectsMemoryWithoutUnit() {
        OpsScripts.Result result = start("17", "2", "1", "1024");
        assertNotEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains("MEMORY must look like 512m or 2g"), result::describe);
    }

    @Test
    void stopWithoutAClusterDoesNothing() {
        OpsScripts.Result result = OpsScripts.run(Map.of("JAVA_PARALLEL_LOCAL_CLUSTER_DIR", dir.resolve("none").toString()),
                Duration.ofSeconds(20), OpsScripts.sparkConf().resolve("stop-local-cluster.sh").toString());
        assertEquals(0, result.exitCode(), result::describe);
        assertFalse(Files.exists(dir.resolve("none")));
    }
}
