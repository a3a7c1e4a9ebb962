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
        // dot(x[a], x[a]) is the squared norm, summed in the same order
        return squaredNorms[a] + squaredNorms[a] - 2 * squaredNorms[a];
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
            rows.compareAndSet(a, null, computeRow(a));
            row = rows.get(a);
        }
        return row;
    }

    /**
     * Row {@code a}, bit for bit what {@code |a|^2 + |b|^2 - 2 a.b} with the products summed in order gives. The
     * distance is symmetric to the last bit (the same products in the same order, and a sum of two norms does not
     * depend on their order), so the entries whose other row is known are copied from it. The rest are computed four
     * at a time: each sum still runs in order, but four independent sums keep the adder busy where one would wait
     * on its own previous addition.
     */
    private double[] computeRow(int a) {
        int n = x.length;
        double[] row = new double[n];
        int[] unknown = new int[n];
        int count = 0;
        for (int b = 0; b < n; b++) {
            double[] other = rows.get(b);
            if (other != null) {
                row[b] = other[a];
            } else {
                unknown[count++] = b;
            }
        }
        double[] xa = x[a];
        double normA = squaredNorms[a];
        int i = 0;
        for (; i + 3 < count; i += 4) {
            int b0 = unknown[i];
            int b1 = unknown[i + 1];
            int b2 = unknown[i + 2];
            int b3 = unknown[i + 3];
            double[] x0 = x[b0];
            double[] x1 = x[b1];
            double[] x2 = x[b2];
            double[] x3 = x[b3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < xa.length; k++) {
                double v = xa[k];
                s0 += v * x0[k];
                s1 += v * x1[k];
                s2 += v * x2[k];
                s3 += v * x3[k];
            }
            row[b0] = normA + squaredNorms[b0] - 2 * s0;
            row[b1] = normA + squaredNorms[b1] - 2 * s1;
            row[b2] = normA + squaredNorms[b2] - 2 * s2;
            row[b3] = normA + squaredNorms[b3] - 2 * s3;
        }
        for (; i < count; i++) {
            int b = unknown[i];
            row[b] = normA + squaredNorms[b] - 2 * dot(xa, x[b]);
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
