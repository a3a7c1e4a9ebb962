package org.javaparallel.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.jdk.javaapi.CollectionConverters;

/** The cores of a cluster application's live executors, as its status store (the Spark UI's source) counts them. */
final class ExecutorCores {
    private static final String DRIVER_ID = "driver";

    private ExecutorCores() {
    }

    static int of(SparkContext sc) {
        // statusStore is Spark-internal in Scala but public in bytecode; the public status tracker has no cores
        return CollectionConverters.asJava(sc.statusStore().executorList(true)).stream()
                .filter(executor -> !DRIVER_ID.equals(executor.id()))
                .mapToInt(ExecutorSummary::totalCores)
                .sum();
    }
}
