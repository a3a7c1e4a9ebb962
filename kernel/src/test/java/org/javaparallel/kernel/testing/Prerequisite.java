package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.javaparallel.gpu.OpenCl;

/**
 * What a test needs from the machine beyond the JDK: how to tell it is there, and the command that installs it.
 * The commands are those of {@code run-tests.sh}, which runs them itself when it runs as root on Debian.
 */
public enum Prerequisite {
    /** Debian's Jupyter stack, the older client our kernel keeps working with; the protocol tests drive it. */
    DEBIAN_JUPYTER("Debian's Jupyter client stack (/usr/bin/python3 with jupyter_client, nbconvert, nbclient)",
            "sudo apt-get install jupyter-client jupyter-nbconvert python3-nbclient jupyter-notebook jupyter-console",
            () -> debianPythonImports("jupyter_client", "nbconvert", "nbclient")),
    /** nbformat, which validates the committed notebooks. */
    NBFORMAT("nbformat for Debian's python3", "sudo apt-get install python3-nbformat",
            () -> debianPythonImports("nbformat")),
    /** The classic notebook in headless Chromium, driven by Selenium. */
    CLASSIC_NOTEBOOK_BROWSER("Chromium, chromedriver, Selenium and the classic notebook",
            "sudo apt-get install chromium chromium-driver python3-selenium jupyter-notebook",
            () -> Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"))
                    && debianPythonImports("selenium", "notebook")),
    /** JupyterLab in headless Chromium: the browser from Debian, JupyterLab and Playwright from PyPI into a venv. */
    JUPYTERLAB_BROWSER("Chromium and python3's venv module (JupyterLab and Playwright come from PyPI)",
            "sudo apt-get install chromium python3-venv",
            () -> Files.isExecutable(Path.of("/usr/bin/chromium")) && debianPythonImports("venv", "ensurepip")),
    /** Fresh virtual environments with pip, for the pip-installed kernel. */
    PYTHON_VENV("python3's venv module with pip (ensurepip)", "sudo apt-get install python3-venv",
            () -> debianPythonImports("venv", "ensurepip")),
    /** An OpenCL device, for running cell functions on it (PoCL gives one on the CPU of any machine). */
    OPENCL("an OpenCL device (PoCL runs one on the CPU)", "sudo apt-get install pocl-opencl-icd ocl-icd-libopencl1 clinfo",
            () -> !OpenCl.devices().isEmpty()),
    /** Hosts made as network namespaces on one bridge: root and Debian's iproute2. */
    NETWORK_NAMESPACES("root and `ip netns` (Debian's iproute2), to make hosts as network namespaces",
            "run as root; sudo apt-get install iproute2",
            () -> "root".equals(System.getProperty("user.name")) && succeeds(List.of("ip", "netns", "list"))),
    /** A firewall rule inside a namespace, for the unreachable-driver case. */
    NFTABLES("nftables (nft)", "sudo apt-get install nftables", () -> succeeds(List.of("nft", "--version"))),
    /** SLURM's daemons and munge installed, to run a SLURM cluster of our own. */
    SLURM_DAEMONS("SLURM's daemons and munge", "sudo apt-get install slurm-wlm munge",
            () -> succeeds(List.of("sh", "-c", "command -v slurmctld && command -v slurmd && command -v munged"))),
    /**
     * SIGINT reaches the processes the tests start. A job put in the background by a shell without job control
     * (`nohup ./run-tests.sh &` in a script) ignores SIGINT, and so does every process it starts; a JVM that starts
     * with SIGINT ignored keeps it so, and a signal interrupt never reaches the kernel.
     */
    SIGINT_DELIVERED("SIGINT not ignored by the test run (it is when the run was put in the background without job"
            + " control)", "run ./run-tests.sh in the foreground, or from an interactive shell",
            Prerequisite::sigintNotIgnored),
    /** A SLURM controller that accepts jobs on this machine. */
    SLURM("a running SLURM controller with an idle node",
            "sudo apt-get install slurm-wlm munge && sudo bash .ci/slurm-up.sh",
            () -> succeeds(List.of("sh", "-c", "timeout 10 sinfo -h -o %T | grep -Eq 'idle|mixed'")));

    private static final String DEBIAN_PYTHON = "/usr/bin/python3";

    private final String description;
    private final String installCommand;
    private final BooleanSupplier check;

    Prerequisite(String description, String installCommand, BooleanSupplier check) {
        this.description = description;
        this.installCommand = installCommand;
        this.check = check;
    }

    /** What is needed, in words a person installing it understands. */
    public String description() {
        return description;
    }

    /** The command that installs it on Debian or Ubuntu. */
    public String installCommand() {
        return installCommand;
    }

    boolean isAvailable() {
        return check.getAsBoolean();
    }

    /** Linux says in /proc which signals a process ignores; elsewhere the tests assume SIGINT is not. */
    private static boolean sigintNotIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (ignored & (1L << (2 - 1))) == 0;  // bit n-1 is signal n; SIGINT is 2
                }
            }
        } catch (IOException | NumberFormatException notLinux) {
            return true;
        }
        return true;
    }

    private static boolean debianPythonImports(String... modules) {
        return Files.isExecutable(Path.of(DEBIAN_PYTHON))
                && succeeds(List.of(DEBIAN_PYTHON, "-c", "import " + String.join(", ", modules)));
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
