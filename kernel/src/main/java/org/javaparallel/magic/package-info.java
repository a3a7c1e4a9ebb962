/**
 * Internal, not API: the kernel's magic commands ({@code %name} and {@code %%name}), such as {@code %time},
 * {@code %timeit}, {@code %env}, {@code %classpath}, {@code %maven}, {@code %spark} and the backend magic.
 * Users type the magics in cells but never call these classes. It depends on the parallel packages, {@link
 * org.javaparallel.spark}, {@link org.javaparallel.display} and {@link org.javaparallel.maven}.
 */
package org.javaparallel.magic;
