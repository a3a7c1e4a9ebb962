package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterJobQueueTest {
    private static final String SCRIPT = "/opt/jp/share/java-parallel/spark-home/conf/slurm/spark-cluster.sbatch";

    @Test
    void aJobThatCannotFitThePartitionSaysWhyAndWhatToSubmit() {
        assertEquals("Spark cluster job 42 is PENDING (PartitionConfig): it asks for more nodes or CPUs per node than"
                        + " the partition has; scancel 42 and submit a smaller one, e.g. sbatch --nodes=1 --cpus-per-task=2 "
                        + SCRIPT + " (sinfo -o '%P %D %c %m' lists the partitions).",
                ClusterJobQueue.describe(List.of("42|PENDING|PartitionConfig"), SCRIPT));
    }

    @Test
    void aStartingJobPointsToItsLog() {
        assertEquals("Spark cluster job 7 is RUNNING but has not published its master yet: it is starting (its log,"
                + " spark-cluster-7.log, shows how far it got).", ClusterJobQueue.describe(List.of("7|RUNNING|None"), SCRIPT));
    }

    @Test
    void noJobNoWords() {
        assertEquals("", ClusterJobQueue.describe(List.of(), SCRIPT));
    }
}
