package org.javaparallel.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What Spark needs to know about code typed in cells. The evaluator's model of cell code lives in the parallel
 * package, which uses this one; the backend there adapts it to this view.
 */
public interface CellCodeView {
    /** No cells: Spark used outside a kernel, with classes from the classpath only. */
    CellCodeView NONE = new CellCodeView() {
        @Override
        public Optional<Path> classDirectory() {
            return Optional.empty();
        }

        @Override
        public ClassLoader loader() {
            return Thread.currentThread().getContextClassLoader();
        }

        @Override
        public List<CellVariable> variables() {
            return List.of();
        }
    };

    /** Directory with the class files of every class defined in cells, served to executors. */
    Optional<Path> classDirectory();

    /** The loader that defines cell classes in this JVM. */
    ClassLoader loader();

    /** The top-level variables currently defined in cells. */
    List<CellVariable> variables();

    /** A top-level variable: the static field {@code field} of the wrapper class {@code ownerClass}. */
    record CellVariable(String name, String ownerClass, String field) {
    }
}
