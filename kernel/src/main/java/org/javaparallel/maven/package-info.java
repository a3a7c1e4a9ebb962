/**
 * Internal, not API: resolves Maven artifacts to jar files with Apache Ivy for the {@code %maven} magic, and
 * knows which jars the kernel already has. Only the kernel uses it; it depends on the JDK and Ivy.
 */
package org.javaparallel.maven;
