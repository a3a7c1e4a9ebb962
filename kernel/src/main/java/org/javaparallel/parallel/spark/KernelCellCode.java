package org.javaparallel.parallel.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.javaparallel.parallel.code.CellCode;
import org.javaparallel.parallel.code.CellCodeRegistry;
import org.javaparallel.spark.CellCodeView;

/** The evaluator's cell code as Spark sees it, read from the registry at each use (it is installed at kernel start). */
final class KernelCellCode implements CellCodeView {
    @Override
    public Optional<Path> classDirectory() {
        return CellCodeRegistry.current().map(CellCode::classDirectory);
    }

    @Override
    public ClassLoader loader() {
        return CellCodeRegistry.current().map(CellCode::loader)
                .orElseGet(() -> Thread.currentThread().getContextClassLoader());
    }

    @Override
    public List<CellVariable> variables() {
        return CellCodeRegistry.current().map(CellCode::variables).orElse(List.of()).stream()
                .map(variable -> new CellVariable(variable.name(), variable.ownerClass(), variable.field()))
                .toList();
    }
}
