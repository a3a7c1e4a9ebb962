/**
 * Internal, not API: how the kernel evaluates cells with JShell in its own JVM. It splits cells into
 * snippets, compiles them against the cell class path, weaves interrupt checks into cell classes and
 * records their code for the engines. Only the kernel uses it; it depends on JShell and {@link
 * org.javaparallel.parallel.spi}.
 */
package org.javaparallel.eval;
