/**
 * Internal, not API: the SLF4J binding that starts the real logging back end (log4j) only when a library asks for
 * a logger (Spark, Hadoop) or the kernel warns, and then on a thread of its own, so that start-up neither waits for
 * it nor spends its CPU. Only the kernel uses it; it depends only on the JDK and
 * SLF4J.
 */
package org.javaparallel.kernel.logging;
