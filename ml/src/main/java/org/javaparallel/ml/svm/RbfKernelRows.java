package org.javaparallel.ml.svm;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * RBF kernel values {@code exp(-gamma d2)} of one gamma between the rows of one data set, rounded to {@code float}
 * as the solver's columns are, each computed the first time a column asks for it. When {@link #shared}, they are
 * kept: every fit with this gamma on these rows (the 45 pairs of classes of a fit, the folds of a search candidate,
 * on any thread) reads them instead of calling {@code exp} again. Otherwise each column gets a fresh row, as when
 * nothing was cached, so that memory stays bounded for large data sets.
 *
 * <p>A value not yet computed is NaN. Threads may race to fill the same entry; they write the same bits (the
 * computation is deterministic), a float write cannot tear, and a reader that sees NaN just computes it again, so
 * the race changes nothing but the count of {@code exp} calls.
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
     * The column of problem row {@code t} of a binary problem: {@code sign[t] sign[s] K(rows[t], rows[s])} per
     * problem row {@code s}, the value the solver's cache holds.
     */
    float[] signedColumn(int[] problemRows, byte[] signs, int t) {
        int a = problemRows[t];
        float[] kernel = row(a);
        double[] d2 = null;
        float[] column = new float[problemRows.length];
        float sign = signs[t];
        for (int s = 0; s < column.length; s++) {
            int b = problemRows[s];
            float k = kernel[b];
            if (k != k) {
                if (d2 == null) {
                    d2 = distances.row(a);
                }
                k = (float) Math.exp(-gamma * d2[b]);
                kernel[b] = k;
            }
            // multiplying by +-1 is exact, so this equals rounding sign*sign*exp to float as libsvm does
            column[s] = sign * signs[s] * k;
        }
        return column;
    }

    private float[] row(int a) {
        if (rows == null) {
            return unknownRow();
        }
        float[] row = rows.get(a);
        if (row == null) {
            rows.compareAndSet(a, null, unknownRow());
            row = rows.get(a);
        }
        return row;
    }

    private float[] unknownRow() {
        float[] row = new float[distances.size()];
        Arrays.fill(row, Float.NaN);
        return row;
    }
}
