/**
 * Internal, not API: the Jupyter kernel itself, built on the jjava-jupyter library. It starts from {@link
 * org.javaparallel.kernel.KernelMain}, handles Jupyter's messages, runs cells with JShell and sends their
 * output. Only the kernel's own start-up uses it. It may depend on every other module and package.
 */
package org.javaparallel.kernel;
