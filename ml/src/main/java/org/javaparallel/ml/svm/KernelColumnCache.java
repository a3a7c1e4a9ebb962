package org.javaparallel.ml.svm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The least recently used columns of the kernel matrix of one binary problem, within a budget of bytes.
 * Columns are {@code float}s, as in libsvm: half the memory, and the same rounding as the reference solver.
 */
final class KernelColumnCache {
    private final IntFunction<float[]> compute;
    private final LinkedHashMap<Integer, float[]> columns;

    KernelColumnCache(int problemSize, long budgetBytes, IntFunction<float[]> compute) {
        this.compute = compute;
        // two columns at least: an SMO step needs both columns of its pair at once
        long capacity = Math.max(2, budgetBytes / (4L * Math.max(1, problemSize)));
        this.columns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    float[] column(int index) {
        float[] column = columns.get(index);
        if (column == null) {
            column = compute.apply(index);
            columns.put(index, column);
        }
        return column;
    }
}
