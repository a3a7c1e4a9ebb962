package org.javaparallel.parallel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Applies a task's function to the items of a chunk; shared by the thread backend and worker JVMs. */
public final class ChunkExecution {
    private ChunkExecution() {
    }

    public static List<Object> applyAll(Function<Object, Object> fn, int firstItem, List<?> items)
            throws ItemFailedException {
        List<Object> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                results.add(fn.apply(items.get(i)));
            } catch (Throwable t) {
                throw new ItemFailedException(firstItem + i, t);
            }
        }
        return results;
    }
}
