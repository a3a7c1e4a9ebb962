/**
 * The service-provider side of the parallel API: what the kernel gives the engines that run tasks, such as the
 * cell that is running ({@link org.javaparallel.parallel.spi.CallerContext}), the code of cell classes ({@link
 * org.javaparallel.parallel.spi.CellCodeRegistry}), interrupts ({@link
 * org.javaparallel.parallel.spi.CellInterrupts}) and what a worker JVM needs to start. The kernel fills it in
 * and the engines read it; cell code does not use it. It depends only on the JDK.
 */
package org.javaparallel.parallel.spi;
