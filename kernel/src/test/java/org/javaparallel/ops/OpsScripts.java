package org.javaparallel.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.javaparallel.kernel.testing.ProjectRoot;

/** Runs the project's shell scripts (spark-conf/, .ci/) from tests. */
final class OpsScripts {

    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    /**
     * A daemon's web UI as the cluster scripts give its address: {@code http://host:port/?token=T}.
     *
     * @param base the address without the token
     * @param token the token that UI's filter asks for
     */
    record UiLink(String base, String token) {
        private static final Pattern FORM = Pattern.compile("(http://[^/?]+)/\\?token=([0-9a-f]{64})");

        static UiLink parse(String link) {
            Matcher matcher = FORM.matcher(link.strip());
            if (!matcher.matches()) {
                throw new AssertionError("not a web UI address with its token: " + link);
            }
            return new UiLink(matcher.group(1), matcher.group(2));
        }

        /** The master's status, asked with the token. */
        String json() {
            return httpGet(base + "/json/?token=" + token);
        }
    }

    private static Path sparkHome;

    private OpsScripts() {
    }

    static Path projectRoot() {
        return ProjectRoot.find();
    }

    static Path sparkConf() {
        return projectRoot().resolve("spark-conf");
    }

    static Path target() {
        return projectRoot().resolve("kernel/target");
    }

    /** A SPARK_HOME made by make-spark-home.sh from the packaged kernel (integration tests only). */
    static synchronized Path sparkHome() {
        if (sparkHome == null) {
            Path dest = target().resolve("it-spark-home");
            Result made = run(Map.of(), Duration.ofSeconds(60), sparkConf().resolve("make-spark-home.sh").toString(),
                    "--jars", target().resolve("lib").toString(),
                    "--jars", target().resolve("java-parallel-kernel.jar").toString(),
                    "--dest", dest.toString());
            if (made.exitCode() != 0) {
                throw new IllegalStateException("make-spark-home.sh failed (run mvn package first): " + made.describe());
            }
            sparkHome = dest;
        }
        return sparkHome;
    }

    static Result run(Map<String, String> env, Duration timeout, String... command) {
        try {
            Path out = Files.createTempFile("ops-out", ".txt");
            Path err = Files.createTempFile("ops-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(List.of(command))
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                // A SPARK_HOME of the machine must not leak into the scripts under test.
                builder.environment().remove("SPARK_HOME");
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                            + "\n--- stdout:\n" + Files.readString(out) + "\n--- stderr:\n" + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    static String httpGet(String url) {
        return httpResponse(url).body();
    }

    static HttpResponse<String> httpResponse(String url) {
        return httpResponse(url, "");
    }

    /** A GET of {@code url} with {@code cookie} ({@code name=value}; none when empty). */
    static HttpResponse<String> httpResponse(String url, String cookie) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
            if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + url, e);
        }
    }

    /** The log of SLURM job {@code job} in {@code stateDir}, on a line of its own, or a line saying why there is none. */
    static String jobLog(Path stateDir, String job) {
        Path log = stateDir.resolve("job-" + job + ".log");
        try {
            return Files.exists(log) ? "\njob log:\n" + Files.readString(log) : "\n(no job log " + log + ")";
        } catch (IOException e) {
            return "\n(cannot read " + log + ": " + e + ")";
        }
    }

    /**
     * Polls {@code condition} every 500 ms until it holds; after {@code timeout} fails with {@code what} and the
     * {@code details} of that moment (a job's log, the processes left).
     */
    static void awaitOrFail(Duration timeout, BooleanSupplier condition, String what, Supplier<String> details) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + details.get());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Live processes whose command line contains {@code marker} (a path unique to one test's cluster). */
    static List<ProcessHandle> processesMentioning(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }
}
