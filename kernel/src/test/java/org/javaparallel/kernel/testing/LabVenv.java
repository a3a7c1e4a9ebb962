package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JupyterLab 4 test stack (JupyterLab, jupyter_server, jupyter_client 8, nbconvert 7, pytest, Playwright) in a
 * virtual environment at {@code kernel/target/lab-venv}, made from the pinned {@code .ci/lab-requirements.txt} with
 * Debian's {@code /usr/bin/python3 -m venv} and pip from PyPI. So {@code mvn verify} on a fresh machine needs no
 * step by hand. The venv is reused while the requirements file is unchanged (its hash is stored in the venv), and
 * made anew when it changes. Debian's own Jupyter packages stay untouched for the tests of older installations.
 */
public final class LabVenv {
    private static final String SYSTEM_PYTHON = "/usr/bin/python3";
    private static final String STAMP = "lab-requirements.sha256";
    private static LabVenv ready;

    private final Path directory;

    private LabVenv(Path directory) {
        this.directory = directory;
    }

    /** The venv, created or re-created first when it is missing or was made from other requirements. */
    public static synchronized LabVenv get(Path projectRoot) {
        if (ready == null) {
            Path requirements = projectRoot.resolve(".ci/lab-requirements.txt");
            Path directory = projectRoot.resolve("kernel/target/lab-venv");
            Path log = projectRoot.resolve("kernel/target/lab-venv.log");
            try {
                String hash = sha256(requirements);
                Path stamp = directory.resolve(STAMP);
                boolean current = Files.isExecutable(directory.resolve("bin/python"))
                        && Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(hash);
                if (!current) {
                    create(directory, requirements, log);
                    // written last: a venv whose pip install failed or was killed is made again next time
                    Files.writeString(stamp, hash + "\n");
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not create the venv " + directory + " (log: " + log + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating the venv " + directory, e);
            }
            ready = new LabVenv(directory);
        }
        return ready;
    }

    public Path python() {
        return directory.resolve("bin/python");
    }

    private static void create(Path directory, Path requirements, Path log) throws IOException, InterruptedException {
        deleteRecursively(directory);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        run(List.of(SYSTEM_PYTHON, "-m", "venv", directory.toString()), log, 2,
                "Debian's python3 could not create a venv; on Debian: apt-get install python3-venv");
        run(List.of(directory.resolve("bin/python").toString(), "-m", "pip", "install", "--disable-pip-version-check",
                "--no-input", "--progress-bar", "off", "-r", requirements.toString()), log, 10,
                "pip could not install " + requirements + " from PyPI");
    }

    private static void run(List<String> command, Path log, int minutes, String whatWentWrong)
            throws IOException, InterruptedException {
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(whatWentWrong + ": no end after " + minutes + " minutes; log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(whatWentWrong + " (exit code " + process.exitValue() + "):\n"
                    + Files.readString(log));
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
