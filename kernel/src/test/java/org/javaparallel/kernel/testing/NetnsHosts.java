package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hosts {@code login}, {@code node1}, {@code node2}, {@code node3} of .ci/netns-hosts.sh: network namespaces on
 * one bridge, each with its own address (198.18.77.0/24) and host name, made by {@link #up} and removed by
 * {@link #close}, with everything that still runs in them. Tests using them are skipped, saying why, where the
 * machine cannot make them (not root, no iproute2).
 */
public final class NetnsHosts implements AutoCloseable {
    private final Path script;

    private NetnsHosts(Path script) {
        this.script = script;
    }

    /**
     * Makes the hosts, removing leftovers of a killed run first. The calling test says it needs
     * {@link Prerequisite#NETWORK_NAMESPACES}, so that it is skipped where they cannot be made.
     */
    public static NetnsHosts up(Path projectRoot) {
        Path script = projectRoot.resolve(".ci/netns-hosts.sh");
        NetnsHosts hosts = new NetnsHosts(script);
        if (run(List.of("bash", script.toString(), "up")) != 0) {
            hosts.close();
            throw new IllegalStateException(script + " up failed (see the test's output)");
        }
        return hosts;
    }

    /** The command prefix that runs a program on {@code host}, with {@code host} as its host name. */
    public List<String> launcher(String host) {
        return List.of("bash", script.toString(), "run", host);
    }

    /** Runs a command on {@code host} and returns its exit code (output goes to the test's output). */
    public int exec(String host, String... command) {
        List<String> full = new ArrayList<>(launcher(host));
        full.addAll(List.of(command));
        return run(full);
    }

    /** The pids of everything running on {@code host}. */
    public List<Long> pids(String host) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ip", "netns", "pids", "jp-" + host).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(10, TimeUnit.SECONDS);
        return out.lines().map(String::strip).filter(line -> line.matches("\\d+")).map(Long::parseLong).toList();
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over 60 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    @Override
    public void close() {
        if (run(List.of("bash", script.toString(), "down")) != 0) {
            throw new IllegalStateException(script + " down failed: namespaces jp-* or bridge jpbr0 may be left over");
        }
    }
}
