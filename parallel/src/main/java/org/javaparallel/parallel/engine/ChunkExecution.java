package org.javaparallel.parallel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Applies a task's function to the items of a chunk; shared by the thread backend and worker JVMs. */
public final class ChunkExecution {
    private ChunkExecution() {
    }

    /**
     * Applies {@code fn} to each item in order, stopping at the first that fails.
     *
     * @param fn the task's function; not null
     * @param firstItem the index of the first item in the call, for the failure's item number
     * @param items the items; not null
     * @return the results, in item order
     * @throws ItemFailedException if {@code fn} threw for an item; it carries the item's index and the throwable
     */
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
