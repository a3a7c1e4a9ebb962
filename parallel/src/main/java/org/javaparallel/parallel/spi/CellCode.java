package org.javaparallel.parallel.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
     * The class file javac compiled for a cell class, before the kernel wove its stop checks into it. The loader
     * serves the woven class file, which calls into the kernel at every method entry and loop; tools that translate
     * bytecode for another target (Aparapi, to OpenCL) need the code as written. Empty where none is kept.
     *
     * @param binaryName the class's binary name, e.g. {@code REPL.$JShell$12$F}
     * @return the class file, or empty for a class not defined in a cell
     */
    default Optional<byte[]> compiledBytecode(String binaryName) {
        return Optional.empty();
    }

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
     * @param snippetId JShell's id of the snippet
     * @return the cell's execution count, or empty when it is not known
     */
    default OptionalInt cellOfSnippet(String snippetId) {
        return OptionalInt.empty();
    }
}
