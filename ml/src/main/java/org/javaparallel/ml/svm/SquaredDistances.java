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

    public SquaredDistances(double[][] x) {
        this.x = x;
        this.squaredNorms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            squaredNorms[i] = dot(x[i], x[i]);
        }
        this.rows = new AtomicReferenceArray<>(x.length);
    }

    public int size() {
        return x.length;
    }

    public double[][] points() {
        return x;
    }

    public double squaredNorm(int row) {
        return squaredNorms[row];
    }

    /**
     * The distance of row {@code a} to itself as {@link #row} computes it, without the row: 0 for rows of moderate
     * values, NaN for a row with NaN, infinite or overflowing values, as libsvm's kernel gives for them.
     */
    public double self(int a) {
        return squaredNorms[a] + squaredNorms[a] - 2 * dot(x[a], x[a]);
    }

    /** Distances from row {@code a} to every row. */
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
