package org.javaparallel.spark;

import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * The JVM options every Spark JVM on Java 17+ needs (module opens, Netty settings), as Spark's own
 * launcher knows them. Read from Spark at run time so they follow the Spark version on the classpath.
 * The kernel uses them for its own JVM; the cluster scripts call {@link #main} to start masters and
 * workers with the same list.
 */
public final class SparkJvmOptions {

    private SparkJvmOptions() {
    }

    /**
     * The options, as Spark's launcher lists them.
     *
     * @return the options, one JVM argument each
     */
    public static List<String> options() {
        return List.of(JavaModuleOptions.defaultModuleOptionArray());
    }

    /**
     * Prints one option per line, for shell scripts ({@code mapfile -t opts < <(java ... SparkJvmOptions)}).
     *
     * @param args not used
     */
    public static void main(String[] args) {
        options().forEach(System.out::println);
    }
}
