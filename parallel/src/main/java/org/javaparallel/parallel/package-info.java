/**
 * The parallel API that cell code uses: {@link org.javaparallel.parallel.Pool}, {@link
 * org.javaparallel.parallel.Pools}, {@link org.javaparallel.parallel.Futures}, {@link
 * org.javaparallel.parallel.TaskExecutor}, {@link org.javaparallel.parallel.WorkerProcess} and their results.
 * It mirrors Python's {@code multiprocessing.Pool} and {@code concurrent.futures}, so that a course can teach
 * the same ideas in either language. This package is the stable, public part of java-parallel: notebooks and
 * other modules program against it, while the engines that run the tasks (threads, worker JVMs, Spark) are
 * found at run time through {@link org.javaparallel.parallel.PoolProvider} and {@link java.util.ServiceLoader}.
 * It depends only on the JDK and on {@link org.javaparallel.parallel.spi}.
 */
package org.javaparallel.parallel;
