package org.javaparallel.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * What cells call to use Spark directly ({@code import static org.javaparallel.spark.SparkAccess.*} in the
 * kernel's startup): the session starts on first use, and after a restart these return the new one.
 */
public final class SparkAccess {
    private SparkAccess() {
    }

    /**
     * The notebook's Spark session, started on first use, like {@code spark} in PySpark.
     *
     * @return the session, never null
     * @throws SparkStartException if the session cannot be started
     */
    public static SparkSession spark() {
        SparkSession session = SparkSessions.shared().session();
        SparkSessions.shared().onCellThread(); // in case the kernel did not tag this thread
        return session;
    }

    /**
     * The notebook's Spark context, started on first use, like {@code sc} in PySpark.
     *
     * @return the context, never null
     * @throws SparkStartException if the session cannot be started
     */
    public static JavaSparkContext sc() {
        JavaSparkContext context = SparkSessions.shared().context();
        SparkSessions.shared().onCellThread();
        return context;
    }
}
