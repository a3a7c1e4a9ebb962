/**
 * Internal, not API: the pool engine that runs a pool's tasks as Spark jobs, one partition per chunk. It is
 * found through {@link org.javaparallel.parallel.PoolProvider} and {@link java.util.ServiceLoader}; cell code
 * reaches it only through {@link org.javaparallel.parallel.Pools}. It depends on Spark, {@link
 * org.javaparallel.spark} and the parallel packages.
 */
package org.javaparallel.spark.pool;
