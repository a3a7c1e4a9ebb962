package org.javaparallel.magic;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import org.javaparallel.gpu.OpenCl;
import org.javaparallel.parallel.Backends;
import org.javaparallel.spark.ClusterFile;
import org.javaparallel.spark.SparkSessions;

/**
 * {@code %resources}: what this kernel can use — the machine's (or the SLURM allocation's) cores and memory,
 * the SLURM job and its nodes, the current backend with its workers, the Spark session if one runs, and the OpenCL
 * devices (or what to install for them).
 */
public final class ResourcesMagic implements Magic {
    private static final String[] SLURM_VARIABLES = {
        "SLURM_JOB_ID", "SLURM_JOB_NAME", "SLURM_JOB_NODELIST", "SLURM_JOB_NUM_NODES", "SLURM_CPUS_PER_TASK",
        "SLURM_CPUS_ON_NODE", "SLURM_MEM_PER_NODE", "SLURM_MEM_PER_CPU", "SLURM_JOB_PARTITION"};

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public String usage() {
        return "%resources — cores and memory here, the SLURM job, the backend's workers, the Spark cluster, OpenCL devices";
    }

    @Override
    public void line(String args, MagicContext context) {
        StringBuilder text = new StringBuilder();
        Runtime runtime = Runtime.getRuntime();
        text.append(String.format(Locale.ROOT, "This machine: %d cores available to the kernel, %s physical memory%n",
                runtime.availableProcessors(), physicalMemory()));
        text.append(String.format(Locale.ROOT, "Kernel JVM: Java %s, max heap %d MB%n",
                Runtime.version(), runtime.maxMemory() / (1024 * 1024)));
        Map<String, String> env = System.getenv();
        if (env.containsKey("SLURM_JOB_ID")) {
            text.append("SLURM allocation of this kernel:\n");
            for (String variable : SLURM_VARIABLES) {
                if (env.containsKey(variable)) {
                    text.append("  ").append(variable).append('=').append(env.get(variable)).append('\n');
                }
            }
        } else {
            text.append("SLURM: this kernel does not run inside a SLURM job\n");
        }
        text.append(ClusterFile.read()
                // the UI's token stays out of the cell's output, which a saved notebook keeps
                .map(cluster -> "Spark cluster job " + cluster.jobId() + ": " + cluster.master()
                        + " (UI " + cluster.ui().replaceFirst("\\?.*", "") + ", its token on the ui= line of "
                        + ClusterFile.defaultLocation() + "); connect with %backend spark slurm\n")
                .orElse("Spark cluster job: none running (sbatch " + ClusterFile.jobScript() + " starts one)\n"));
        text.append("Backend: ").append(Backends.describe()).append('\n');
        SparkSessions spark = SparkSessions.shared();
        text.append("Spark session: ").append(spark.isRunning() ? spark.status() : "not started").append('\n');
        text.append(OpenCl.report());
        context.out().print(text);
    }

    private static String physicalMemory() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() / (1024 * 1024) + " MB";
        }
        return "unknown";
    }
}
