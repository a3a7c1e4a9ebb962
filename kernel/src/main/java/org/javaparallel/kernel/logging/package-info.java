/**
 * Internal, not API: the SLF4J binding that starts the real logging back end (log4j) on a thread of its own,
 * so that the kernel does not wait for it at start-up. Only the kernel uses it; it depends only on the JDK and
 * SLF4J.
 */
package org.javaparallel.kernel.logging;
