package org.javaparallel.ml.svm;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * RBF kernel values {@code exp(-gamma d2)} of one gamma between the rows of one data set, rounded to {@code float}
 * as libsvm's cached columns are. When {@link #shared}, whole rows are computed on first use and kept: every fit
 * with this gamma on these rows (the 45 pairs of classes of a digits fit, the folds of a search candidate, on any
 * thread) reads them instead of calling {@code exp} again, and the solver reads them in place. Otherwise each
 * binary problem computes the values of its own rows, as when nothing was kept, so that memory stays bounded.
 */
final class RbfKernelRows {
    private final SquaredDistances distances;
    private final double gamma;
    private final AtomicReferenceArray<float[]> rows;

    RbfKernelRows(SquaredDistances distances, double gamma, boolean shared) {
        this.distances = distances;
        this.gamma = gamma;
        this.rows = shared ? new AtomicReferenceArray<>(distances.size()) : null;
    }

    double gamma() {
        return gamma;
    }

    boolean shared() {
        return rows != null;
    }

    /**
     * The kernel values of data row {@code a} to every data row; only when {@link #shared}. Two threads may both
     * compute a missing row; the values are the same and one copy is kept.
     */
    float[] row(int a) {
        float[] row = rows.get(a);
        if (row == null) {
            double[] d2 = distances.row(a);
            row = new float[d2.length];
            for (int b = 0; b < row.length; b++) {
                row[b] = (float) Math.exp(-gamma * d2[b]);
            }
            rows.compareAndSet(a, null, row);
            row = rows.get(a);
        }
        return row;
    }

    /** The kernel values of {@code problemRows[t]} to each of {@code problemRows}, in their order. */
    float[] column(int[] problemRows, int t) {
        double[] d2 = distances.row(problemRows[t]);
        float[] column = new float[problemRows.length];
        for (int s = 0; s < column.length; s++) {
            column[s] = (float) Math.exp(-gamma * d2[problemRows[s]]);
        }
        return column;
    }
}
