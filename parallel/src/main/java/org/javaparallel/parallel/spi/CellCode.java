package org.javaparallel.parallel.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the kernel's evaluator tells backends about code typed in cells, so that they can run it in other JVMs.
 * Implemented by the evaluator; backends read it through {@link CellCodeRegistry}.
 */
public interface CellCode {
    /**
     * Directory laid out like a classpath entry holding the bytecode of every class defined in cells so far.
     *
     * @return the directory, never null
     */
    Path classDirectory();

    /**
     * The loader that defines cell classes in this JVM.
     *
     * @return the loader, never null
     */
    ClassLoader loader();

    /**
     * The top-level variables that are currently defined (redefined ones are not listed).
     *
     * @return the variables, never null
     */
    List<TopLevelVariable> variables();

    /**
     * Grows each time cell code ran, so that a worker can tell whether its copy of the variables is current.
     *
     * @return the version, which only grows
     */
    long stateVersion();

    /**
     * The execution count of the cell that JShell's snippet {@code snippetId} came from; the id is the number in
     * the snippet's wrapper class ({@code REPL.$JShell$12} is snippet "12"). Empty where cells are not tracked.
     *
     * @param snippetId the snippet's id, e.g. "12"
     * @return the cell's execution count, or empty
     */
    default OptionalInt cellOfSnippet(String snippetId) {
        return OptionalInt.empty();
    }
}
