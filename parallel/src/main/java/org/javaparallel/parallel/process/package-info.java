/**
 * Internal, not API: the engine that runs a pool's tasks in worker JVMs, like Python's process pools. It
 * ships cell classes and the top-level variables a task uses to the workers, talks to them over their
 * standard streams, and runs {@link org.javaparallel.parallel.process.WorkerMain} inside each worker. It is
 * found through {@link org.javaparallel.parallel.PoolProvider}; cell code reaches it only through {@link
 * org.javaparallel.parallel.Pools}. It depends on {@link org.javaparallel.parallel}, {@link
 * org.javaparallel.parallel.spi}, {@link org.javaparallel.parallel.engine} and ASM.
 */
package org.javaparallel.parallel.process;
