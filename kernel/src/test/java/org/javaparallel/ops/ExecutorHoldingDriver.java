package org.javaparallel.ops;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A driver for LocalClusterIT, run in its own JVM: runs one job on the cluster given as the first argument
 * (so the workers launch executors), with the settings of the properties file given as the second (the cluster's
 * secret), says so, and keeps the executors until its stdin closes.
 */
public final class ExecutorHoldingDriver {

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
            settings.load(in);
        }
        SparkSession.Builder builder = SparkSession.builder().master(args[0]).appName("executor-holding-driver")
                .config("spark.executor.memory", "512m");
        settings.stringPropertyNames().forEach(key -> builder.config(key, settings.getProperty(key).strip()));
        SparkSession spark = builder.getOrCreate();
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
