package org.javaparallel.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone master and workers (one core each) on 127.0.0.1, started from the jars Maven copied to
 * target/lib (the same layout as a SPARK_HOME's jars/), for integration tests. Closing stops the workers'
 * executors, the workers and the master.
 */
public final class LocalStandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final Path home;
    private final List<Process> daemons = new ArrayList<>();
    private final String masterUrl;
    private final int uiPort;

    private LocalStandaloneCluster(Path jars, Path home, int workers) throws IOException, InterruptedException {
        this.home = home;
        Files.createSymbolicLink(home.resolve("jars"), jars.toAbsolutePath());
        int port = freePort();
        uiPort = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        try {
            daemons.add(start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", Integer.toString(uiPort)));
            awaitAliveWorkers(0);
            for (int i = 1; i <= workers; i++) {
                Path workDir = Files.createDirectories(home.resolve("work-" + i));
                daemons.add(start("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "1g", "--webui-port", "0", "--work-dir", workDir.toString(), masterUrl));
            }
            awaitAliveWorkers(workers);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code jars}: the dependency jars (kernel/target/lib); {@code home}: an empty directory for SPARK_HOME. */
    public static LocalStandaloneCluster start(Path jars, Path home, int workers) throws IOException, InterruptedException {
        return new LocalStandaloneCluster(jars, home, workers);
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** The process of worker {@code n} (1-based); its executors are its children. */
    public Process worker(int n) {
        return daemons.get(n);
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-Xmx512m", "-cp", home.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // else every executor launch fails: "Cannot find any build directories"
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private void awaitAliveWorkers(int expected) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        while (System.nanoTime() < deadline) {
            daemons.stream().filter(process -> !process.isAlive()).findFirst().ifPresent(dead -> {
                throw new IllegalStateException("a cluster daemon exited at start; logs in " + home);
            });
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher matcher = alive.matcher(json);
                if (matcher.find() && Integer.parseInt(matcher.group(1)) >= expected) {
                    return;
                }
            } catch (IOException notYet) {
                // the master's web UI is not up yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the cluster did not have " + expected + " workers within " + START_TIMEOUT
                + "; logs in " + home);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The last lines of every daemon log, for failure messages. */
    public String logs() {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(home)) {
            for (Path log : files.filter(path -> path.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("== ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process daemon = daemons.get(i);
            daemon.descendants().forEach(ProcessHandle::destroy);
            daemon.destroy();
        }
        for (Process daemon : daemons) {
            try {
                if (!daemon.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    daemon.descendants().forEach(ProcessHandle::destroyForcibly);
                    daemon.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** SPARK_HOME jars for tests: target/lib, filled by {@code mvn package}. */
    public static Optional<Path> projectJars() {
        Path lib = Path.of("target", "lib");
        return Files.isDirectory(lib) ? Optional.of(lib) : Optional.empty();
    }
}
