/**
 * Internal, not API: JupyterLab's visual debugger for cells, inside the kernel's JVM. Probes woven into the cell
 * classes this JVM defines (never into what worker JVMs load) stop a thread at a breakpoint or a step, without a
 * debug port or JDWP; the Debug Adapter Protocol requests of the Jupyter debugger protocol drive them.
 */
package org.javaparallel.debugger;
