package org.javaparallel.ml.svm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The least recently used columns of the kernel matrix of one binary problem, within a budget of bytes.
 * Columns are {@code float}s, as in libsvm: half the memory, and the same rounding as the reference solver.
 * When every column fits the budget (the usual case: sklearn's 200 MB hold 10,000-row problems whole), they are
 * kept in a plain array, since a solver step reads two columns and a map lookup per read cost more than the step.
 */
final class KernelColumnCache {
    private final IntFunction<float[]> compute;
    /** Columns by index when all of them fit, else null. */
    private final float[][] all;
    /** The most recently used columns when not all of them fit, else null. */
    private final LinkedHashMap<Integer, float[]> recent;

    KernelColumnCache(int problemSize, long budgetBytes, IntFunction<float[]> compute) {
        this.compute = compute;
        // two columns at least: an SMO step needs both columns of its pair at once
        long capacity = Math.max(2, budgetBytes / (4L * Math.max(1, problemSize)));
        if (capacity >= problemSize) {
            this.all = new float[problemSize][];
            this.recent = null;
        } else {
            this.all = null;
            this.recent = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
                    return size() > capacity;
                }
            };
        }
    }

    float[] column(int index) {
        if (all != null) {
            float[] column = all[index];
            if (column == null) {
                column = compute.apply(index);
                all[index] = column;
            }
            return column;
        }
        float[] column = recent.get(index);
        if (column == null) {
            column = compute.apply(index);
            recent.put(index, column);
        }
        return column;
    }
}
