/**
 * Internal, not API: the machinery shared by all pool engines. It splits a pool call into chunks, hands them
 * to a {@link org.javaparallel.parallel.engine.ChunkRunner}, and delivers results, failures and progress
 * in the order the API promises. The thread, worker-JVM and Spark engines build on it; cell code should not
 * use it, and it may change without notice. It depends on {@link org.javaparallel.parallel}, {@link
 * org.javaparallel.parallel.spi} and {@link org.javaparallel.display}.
 */
package org.javaparallel.parallel.engine;
