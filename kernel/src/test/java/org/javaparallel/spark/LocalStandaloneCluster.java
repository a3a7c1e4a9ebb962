package org.javaparallel.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone master and workers (one core each), started from the jars Maven copied to target/lib (the
 * same layout as a SPARK_HOME's jars/), for integration tests: all on 127.0.0.1, or each on a host of its own
 * ({@link Host}: a network namespace of {@code NetnsHosts}). Closing stops the workers' executors, the workers
 * and the master.
 */
public final class LocalStandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final Path home;
    private final List<Process> daemons = new ArrayList<>();
    private final String masterUrl;

    /**
     * Where a daemon runs.
     *
     * @param address what it binds to and announces (SPARK_LOCAL_IP, --host)
     * @param launcher the command prefix that runs a process there; empty for this host
     */
    public record Host(String address, List<String> launcher) {
        static final Host LOOPBACK = new Host("127.0.0.1", List.of());
    }

    private LocalStandaloneCluster(Path jars, Path home, Host master, int port, List<Host> workers, String workerMemory,
                                   List<String> daemonOptions) throws IOException, InterruptedException {
        this.home = home;
        Files.createSymbolicLink(home.resolve("jars"), jars.toAbsolutePath());
        masterUrl = "spark://" + master.address() + ":" + port;
        try {
            daemons.add(start(master, "master", "org.apache.spark.deploy.master.Master", daemonOptions,
                    "--host", master.address(), "--port", Integer.toString(port), "--webui-port", "0"));
            awaitMasterLog("I have been elected leader", 1);
            for (int i = 1; i <= workers.size(); i++) {
                Host host = workers.get(i - 1);
                Path workDir = Files.createDirectories(home.resolve("work-" + i));
                daemons.add(start(host, "worker-" + i, "org.apache.spark.deploy.worker.Worker", daemonOptions,
                        "--host", host.address(), "--cores", "1", "--memory", workerMemory, "--webui-port", "0",
                        "--work-dir", workDir.toString(), masterUrl));
            }
            awaitMasterLog("Registering worker ", workers.size());
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code jars}: the dependency jars (kernel/target/lib); {@code home}: an empty directory for SPARK_HOME. */
    public static LocalStandaloneCluster start(Path jars, Path home, int workers) throws IOException, InterruptedException {
        return new LocalStandaloneCluster(jars, home, Host.LOOPBACK, freePort(),
                Collections.nCopies(workers, Host.LOOPBACK), "1g", List.of());
    }

    /**
     * A master on port 7077 of {@code master} and one worker with 512 MB on each of {@code workers}.
     *
     * @param properties a Spark properties file for every daemon (e.g. spark.authenticate and its secret)
     */
    public static LocalStandaloneCluster startAcross(Path jars, Path home, Host master, List<Host> workers,
                                                     Path properties) throws IOException, InterruptedException {
        return new LocalStandaloneCluster(jars, home, master, 7077, workers, "512m",
                List.of("--properties-file", properties.toString()));
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** The process of worker {@code n} (1-based); its executors are its children. */
    public Process worker(int n) {
        return daemons.get(n);
    }

    private Process start(Host host, String name, String mainClass, List<String> daemonOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(host.launcher());
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-Xmx512m", "-cp", home.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        command.addAll(daemonOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // else every executor launch fails: "Cannot find any build directories"
        env.put("SPARK_LOCAL_IP", host.address());
        return builder.start();
    }

    /**
     * Waits until the master's log has {@code count} lines containing {@code text}: read from the log because the
     * master's web UI may be on another host's network, which the test JVM cannot reach.
     */
    private void awaitMasterLog(String text, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Path log = home.resolve("master.log");
        while (System.nanoTime() < deadline) {
            daemons.stream().filter(process -> !process.isAlive()).findFirst().ifPresent(dead -> {
                throw new IllegalStateException("a cluster daemon exited at start; logs in " + home);
            });
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(line -> line.contains(text)).count() >= count) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the master's log did not show " + count + " times '" + text + "' within "
                + START_TIMEOUT + "; logs in " + home);
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
