/**
 * Internal, not API: the kernel's output routing. It replaces {@code System.out} and {@code System.err} so
 * that each write lands in the output of the cell that the writing thread belongs to. Only the kernel uses
 * it; it depends only on the JDK.
 */
package org.javaparallel.kernel.io;
