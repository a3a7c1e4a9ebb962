package org.javaparallel.ml.svm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Squared Euclidean distances between the rows of one data set, {@code |a|^2 + |b|^2 - 2 a.b} from precomputed
 * squared norms (the form libsvm's RBF kernel uses, so that kernel values agree to the last bit). Rows of the
 * distance matrix are computed on first use and kept: the fits of one search share them, whatever gamma is.
 * The RBF kernel values of the few most recent gammas are kept too, within a budget of bytes, so that the folds
 * of one search candidate (same gamma, same rows) compute each kernel value once. Safe for concurrent use.
 */
public final class SquaredDistances {
    /** Room for the kernel values of four gammas of the digits (1797 rows: 12.9 MB each as floats). */
    public static final long DEFAULT_KERNEL_BUDGET_BYTES = 64L << 20;

    private final double[][] x;
    private final double[] squaredNorms;
    private final AtomicReferenceArray<double[]> rows;
    private final Map<Double, RbfKernelRows> kernels;
    private final int keptKernels;

    /**
     * Distances between the rows of {@code x}, keeping kernel values within {@link #DEFAULT_KERNEL_BUDGET_BYTES}.
     *
     * @param x the data set, one row per sample; not null, and kept, not copied
     */
    public SquaredDistances(double[][] x) {
        this(x, DEFAULT_KERNEL_BUDGET_BYTES);
    }

    /**
     * Distances between the rows of {@code x}; computes the squared norms now and the distances on first use.
     *
     * @param x the data set, one row per sample; not null, and kept, not copied
     * @param kernelBudgetBytes how much memory the kept kernel values of all gammas may take; when the values of
     *                          one gamma ({@code 4 n^2} bytes for n rows) do not fit, none are kept and every
     *                          column of every fit computes its own, as 0 asks
     * @throws IllegalArgumentException if {@code kernelBudgetBytes} is negative
     */
    public SquaredDistances(double[][] x, long kernelBudgetBytes) {
        if (kernelBudgetBytes < 0) {
            throw new IllegalArgumentException("the kernel budget must be 0 or more bytes, not " + kernelBudgetBytes);
        }
        this.x = x;
        this.squaredNorms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            squaredNorms[i] = dot(x[i], x[i]);
        }
        this.rows = new AtomicReferenceArray<>(x.length);
        long bytesPerGamma = 4L * x.length * x.length;
        this.keptKernels = (int) Math.min(Integer.MAX_VALUE, kernelBudgetBytes / Math.max(1, bytesPerGamma));
        this.kernels = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Double, RbfKernelRows> eldest) {
                return size() > keptKernels;
            }
        };
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

    /**
     * The RBF kernel values for {@code gamma}: those kept for it if the budget allows, else values of this fit only.
     * Gammas are told apart by their exact bits, so that two candidates never share values they should not.
     */
    RbfKernelRows kernel(double gamma) {
        if (keptKernels == 0) {
            return new RbfKernelRows(this, gamma, false);
        }
        synchronized (kernels) {
            return kernels.computeIfAbsent(gamma, g -> new RbfKernelRows(this, g, true));
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
