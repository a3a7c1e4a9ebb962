/**
 * Internal, not API: what the kernel tells the parts that run cell work elsewhere (pools, Spark) when a cell
 * starts, the user interrupts, or the kernel shuts down or restarts. Only the kernel uses it; it depends on
 * the parallel packages and {@link org.javaparallel.spark}.
 */
package org.javaparallel.kernel.lifecycle;
