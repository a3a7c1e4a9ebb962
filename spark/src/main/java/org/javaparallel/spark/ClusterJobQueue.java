package org.javaparallel.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What SLURM's queue says about the user's Spark cluster jobs that have not published their master yet. A job
 * that can never fit the partition stays PENDING without a word in any log; this names it and says why.
 */
final class ClusterJobQueue {
    /** The job name spark-cluster.sbatch gives itself (#SBATCH --job-name). */
    static final String JOB_NAME = "spark-cluster";
    private static final Map<String, String> REASONS = Map.of(
            "PartitionConfig", "it asks for more nodes or CPUs per node than the partition has",
            "PartitionNodeLimit", "it asks for more nodes than the partition allows",
            "PartitionTimeLimit", "it asks for more time than the partition allows",
            "Resources", "it waits until enough nodes with free CPUs and memory are idle",
            "Priority", "it waits behind jobs of higher priority");

    private ClusterJobQueue() {
    }

    /** squeue's lines about the user's cluster jobs ("id|state|reason"), empty where there is no squeue. */
    static List<String> squeue() {
        try {
            Process squeue = new ProcessBuilder("squeue", "--me", "-h", "-n", JOB_NAME, "-o", "%i|%T|%r")
                    .redirectErrorStream(true).start();
            if (!squeue.waitFor(5, TimeUnit.SECONDS)) {
                squeue.destroyForcibly();
                return List.of();
            }
            String out = new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return squeue.exitValue() == 0 ? out.lines().toList() : List.of();
        } catch (IOException e) {
            return List.of(); // not on a SLURM cluster
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * One sentence per job in {@code lines} (as {@link #squeue()} gives them).
     *
     * @param lines "id|state|reason" lines
     * @param jobScript the job script, named in the advice
     * @return the sentences, empty when there is no job
     */
    static String describe(List<String> lines, String jobScript) {
        return lines.stream().map(line -> line.split("\\|", 3)).filter(fields -> fields.length == 3)
                .map(fields -> describe(fields[0], fields[1], fields[2], jobScript))
                .collect(Collectors.joining(" "));
    }

    private static String describe(String id, String state, String reason, String jobScript) {
        if (state.equals("PENDING")) {
            String why = REASONS.getOrDefault(reason, "squeue's reason: " + reason);
            String advice = reason.startsWith("Partition") ? "; scancel " + id + " and submit a smaller one, e.g. sbatch "
                    + "--nodes=1 --cpus-per-task=2 " + jobScript + " (sinfo -o '%P %D %c %m' lists the partitions)" : "";
            return "Spark cluster job " + id + " is PENDING (" + reason + "): " + why + advice + ".";
        }
        return "Spark cluster job " + id + " is " + state + " but has not published its master yet: it is starting"
                + " (its log, spark-cluster-" + id + ".log, shows how far it got).";
    }
}
