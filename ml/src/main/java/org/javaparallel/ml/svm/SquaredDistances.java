package org.javaparallel.ml.svm;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Squared Euclidean distances between the rows of one data set, {@code |a|^2 + |b|^2 - 2 a.b} from precomputed
 * squared norms (the form libsvm's RBF kernel uses, so that kernel values agree to the last bit). Rows of the
 * distance matrix are computed on first use and kept: the fits of one search share them, whatever gamma is.
 * Safe for concurrent use.
 */
public final class SquaredDistances {
    private final double[][] x;
    private final double[] squaredNorms;
    private final AtomicReferenceArray<double[]> rows;

    /**
     * Distances between the rows of {@code x}; computes the squared norms now and the distances on first use.
     *
     * @param x the data set, one row per sample; not null, and kept, not copied
     */
    public SquaredDistances(double[][] x) {
        this.x = x;
        this.squaredNorms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            squaredNorms[i] = dot(x[i], x[i]);
        }
        this.rows = new AtomicReferenceArray<>(x.length);
    }

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int size() {
        return x.length;
    }

    /**
     * The data set itself.
     *
     * @return the rows, not a copy: do not change them
     */
    public double[][] points() {
        return x;
    }

    /**
     * The squared norm of a row.
     *
     * @param row the row's index
     * @return {@code |x[row]|^2}
     */
    public double squaredNorm(int row) {
        return squaredNorms[row];
    }

    /**
     * The distance of row {@code a} to itself as {@link #row} computes it, without the row: 0 for rows of moderate
     * values, NaN for a row with NaN, infinite or overflowing values, as libsvm's kernel gives for them.
     *
     * @param a the row's index
     * @return the distance, usually 0
     */
    public double self(int a) {
        return squaredNorms[a] + squaredNorms[a] - 2 * dot(x[a], x[a]);
    }

    /**
     * Distances from row {@code a} to every row.
     *
     * @param a the row's index
     * @return the distances, computed once and shared: do not change them
     */
    public double[] row(int a) {
        double[] row = rows.get(a);
        if (row == null) {
            row = new double[x.length];
            double[] xa = x[a];
            for (int b = 0; b < x.length; b++) {
                row[b] = squaredNorms[a] + squaredNorms[b] - 2 * dot(xa, x[b]);
            }
            rows.compareAndSet(a, null, row);
            row = rows.get(a);
        }
        return row;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
