/**
 * Rich output for notebooks: {@code display(...)} of HTML, images, charts and progress bars, and handles
 * that update what a cell already showed. Cell code uses {@link org.javaparallel.display.Display}; the
 * kernel plugs in a {@link org.javaparallel.display.DisplaySink} that sends the output to Jupyter. It
 * depends only on the JDK and XChart, not on the kernel.
 */
package org.javaparallel.display;
