package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel as a user has it: installed once per test JVM by the project's own {@code install.sh} into
 * {@code kernel/target/it-prefix}, from the jars that {@code package} built. Every integration test that
 * starts the kernel through Jupyter therefore also tests the installer.
 */
public final class InstalledKernel {
    public static final String KERNEL_NAME = "java-parallel";
    private static InstalledKernel installed;

    private final Path projectRoot;
    private final Path prefix;

    private InstalledKernel(Path projectRoot, Path prefix) {
        this.projectRoot = projectRoot;
        this.prefix = prefix;
    }

    /** Installs the kernel on first use in this JVM; later calls return the same installation. */
    public static synchronized InstalledKernel get() {
        if (installed == null) {
            Path root = locateProjectRoot();
            Path prefix = root.resolve("kernel/target/it-prefix");
            install(root, prefix);
            installed = new InstalledKernel(root, prefix);
        }
        return installed;
    }

    private static Path locateProjectRoot() {
        Path root = ProjectRoot.find();
        if (!Files.isRegularFile(root.resolve("install.sh"))) {
            throw new IllegalStateException("no install.sh in " + root + ": set -Dproject.root to the project's top folder");
        }
        return root;
    }

    private static void install(Path root, Path prefix) {
        Path log = root.resolve("kernel/target/it-install.log");
        try {
            Files.createDirectories(prefix);
            Process process = new ProcessBuilder("bash", root.resolve("install.sh").toString(),
                    "--prefix", prefix.toString(), "--no-build")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("install.sh took over 5 minutes; its output is in " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("install.sh --prefix " + prefix + " --no-build failed with exit code "
                        + process.exitValue() + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run install.sh (output in " + log + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while install.sh ran", e);
        }
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path prefix() {
        return prefix;
    }

    public Path kernelSpec() {
        return prefix.resolve("share/jupyter/kernels/" + KERNEL_NAME + "/kernel.json");
    }

    public Path testScript(String name) {
        return projectRoot.resolve("kernel/src/test/python").resolve(name);
    }

    /**
     * The environment for a Jupyter process that must find this installation and keep its runtime files,
     * config and data in {@code scratch} instead of the home folder.
     */
    public Map<String, String> jupyterEnvironment(Path scratch) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        // XDG_CACHE_HOME: what a test's %maven downloads stays in the test's folder, not in the user's cache
        for (String variable : List.of("JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR",
                "XDG_CACHE_HOME")) {
            Path dir = Files.createDirectories(scratch.resolve(variable.toLowerCase()));
            env.put(variable, dir.toString());
        }
        env.put("PYTHONUNBUFFERED", "1");
        return env;
    }

    /** A fresh folder under kernel/target/it-work for one test's files. */
    public Path scratchDirectory(String purpose) throws IOException {
        Path work = Files.createDirectories(projectRoot.resolve("kernel/target/it-work"));
        return Files.createTempDirectory(work, purpose + "-");
    }
}
