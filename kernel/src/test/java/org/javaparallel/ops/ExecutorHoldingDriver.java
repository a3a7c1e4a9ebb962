package org.javaparallel.ops;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A driver for LocalClusterIT, run in its own JVM: runs one job on the cluster given as the argument
 * (so the workers launch executors), says so, and keeps the executors until its stdin closes.
 */
public final class ExecutorHoldingDriver {

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master(args[0]).appName("executor-holding-driver")
                .config("spark.executor.memory", "512m").getOrCreate();
        try {
            long count = new JavaSparkContext(spark.sparkContext()).parallelize(List.of(1, 2, 3, 4), 2).count();
            System.out.println("JOB_DONE " + count);
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the executors until the test closes stdin
            }
        } finally {
            spark.stop();
        }
    }
}
