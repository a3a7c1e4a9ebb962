/**
 * The notebook's Spark session: its settings, its start and stop, the progress of its jobs shown under the
 * cell, and the executor plugin that serves the state of cells to executors. The kernel and the Spark pool
 * engine use it; cell code gets its session from {@link org.javaparallel.spark.SparkSessions}. It depends on
 * Spark, {@link org.javaparallel.parallel.spi}, {@link org.javaparallel.parallel.engine} and {@link
 * org.javaparallel.display}.
 */
package org.javaparallel.spark;
