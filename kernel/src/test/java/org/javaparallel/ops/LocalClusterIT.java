package org.javaparallel.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.javaparallel.spark.SparkJvmOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * start-local-cluster.sh and stop-local-cluster.sh on this machine, with a job holding executors; the driver
 * authenticates with the cluster's secret (SparkKernelIT shows a driver without it refused).
 */
class LocalClusterIT {

    private final Path stateDir = OpsScripts.target().resolve("it-local-cluster");
    private Process driver;

    private Map<String, String> env() {
        return Map.of("SPARK_HOME", OpsScripts.sparkHome().toString(),
                "JAVA_PARALLEL_LOCAL_CLUSTER_DIR", stateDir.toString(),
                "JP_JAVA_HOME", System.getProperty("java.home"));
    }

    private OpsScripts.Result script(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(OpsScripts.sparkConf().resolve(name).toString()));
        command.addAll(List.of(args));
        return OpsScripts.run(env(), Duration.ofSeconds(180), command.toArray(String[]::new));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (driver != null) {
            driver.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        script("stop-local-cluster.sh");
    }

    @Test
    void startsRegistersWorkersAndStopsWithoutLeavingProcesses() throws Exception {
        OpsScripts.Result started = script("start-local-cluster.sh", "2", "1", "1g");
        assertEquals(0, started.exitCode(), started::describe);
        Matcher url = Pattern.compile("spark://127\\.0\\.0\\.1:\\d+").matcher(started.stdout().strip());
        assertTrue(url.matches(), () -> "stdout must be the master URL: " + started.describe());

        // the daemons' web UIs open with the token that ui-url carries, and refuse a request without it
        OpsScripts.UiLink ui = OpsScripts.UiLink.parse(Files.readString(stateDir.resolve("ui-url")));
        String json = ui.json();
        assertEquals(403, OpsScripts.httpResponse(ui.base() + "/json/").statusCode());
        Matcher workerUi = Pattern.compile("\"webuiaddress\" : \"(http://127\\.0\\.0\\.1:\\d+)\"").matcher(json);
        assertTrue(workerUi.find(), json);
        assertEquals(403, OpsScripts.httpResponse(workerUi.group(1) + "/").statusCode(),
                "a worker's UI without the token");
        // the cookie the master's page leaves opens a worker's page, as a click on the master's link to it does
        String cookie = OpsScripts.httpResponse(ui.base() + "/?token=" + ui.token()).headers()
                .firstValue("set-cookie").orElseThrow();
        assertEquals(200, OpsScripts.httpResponse(workerUi.group(1) + "/", cookie.substring(0, cookie.indexOf(';')))
                .statusCode(), "a worker's UI with the master page's cookie");
        assertTrue(json.matches("(?s).*\"aliveworkers\" : 2,.*"), json);
        assertEquals(2, count(json, "\"host\" : \"127.0.0.1\""), json);
        assertEquals(url.group(), Files.readString(stateDir.resolve("master-url")).strip());

        // the cluster's secret and UI token: readable by its owner only, and on no daemon's command line
        String secret = Files.readString(stateDir.resolve("secret")).strip();
        assertTrue(secret.matches("[0-9a-f]{64}"), secret);
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(stateDir));
        for (String file : List.of("secret", "cluster.conf", "driver.conf", "ui-url")) {
            assertEquals(PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(stateDir.resolve(file)), file);
        }
        assertTrue(Files.readString(stateDir.resolve("cluster.conf"))
                .contains("\nspark.authenticate true\nspark.authenticate.secret " + secret + "\n"));

        ProcessHandle master = daemon("master");
        List<ProcessHandle> workers = List.of(daemon("worker-1"), daemon("worker-2"));
        for (ProcessHandle daemon : List.of(master, workers.get(0), workers.get(1))) {
            String commandLine = daemon.info().commandLine().orElse("");
            assertTrue(commandLine.contains("cluster.conf"), commandLine);
            assertFalse(commandLine.contains(secret) || commandLine.contains(ui.token()),
                    "the secret or token is on a command line: " + commandLine);
        }
        startDriver(url.group());
        List<ProcessHandle> executors = workers.stream().flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
        assertFalse(executors.isEmpty(), "the job should have made the workers launch executors");

        OpsScripts.Result stopped = script("stop-local-cluster.sh");
        assertEquals(0, stopped.exitCode(), stopped::describe);

        List<ProcessHandle> all = new ArrayList<>(executors);
        all.addAll(workers);
        all.add(master);
        assertEquals(List.of(), all.stream().filter(ProcessHandle::isAlive).toList(), "processes left after stop");
        for (String file : List.of("master-url", "ui-url", "secret", "cluster.conf", "driver.conf")) {
            assertFalse(Files.exists(stateDir.resolve(file)), file + " left after stop");
        }
    }

    private ProcessHandle daemon(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(stateDir.resolve(name + ".pid")).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " (pid " + pid + ") is not running"));
    }

    private void startDriver(String masterUrl) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(SparkJvmOptions.options());
        command.addAll(List.of("-cp", OpsScripts.target().resolve("test-classes") + ":" + OpsScripts.sparkHome().resolve("conf")
                + ":" + OpsScripts.sparkHome().resolve("jars") + "/*", ExecutorHoldingDriver.class.getName(), masterUrl,
                stateDir.resolve("driver.conf").toString()));
        // Its log (executors lost when the cluster stops under it) goes to a file, not the build output.
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stateDir.resolve("driver.log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        driver = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return "driver output failed: " + e;
            }
        }).get(120, TimeUnit.SECONDS);
        assertEquals("JOB_DONE 4", line, () -> "the driver's job on the local cluster; see " + stateDir.resolve("driver.log"));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
