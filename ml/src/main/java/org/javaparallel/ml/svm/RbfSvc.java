package org.javaparallel.ml.svm;

import java.util.Arrays;

/**
 * Trains an RBF C-SVC the way scikit-learn's {@code SVC} (libsvm) does: classes sorted, one binary problem per
 * pair of classes (rows of the first class labelled +1, in data order, then the second's), each solved by
 * {@link SmoSolver} with C scaled by the class weights.
 */
public final class RbfSvc {
    private RbfSvc() {
    }

    /**
     * Fits on all rows of {@code x}.
     *
     * @param x the samples, one row each, all of the same length; not null
     * @param y the class of each row; not null, as long as {@code x}
     * @param params the settings; not null
     * @return the trained classifier
     * @throws IllegalArgumentException if {@code x} is empty or the rows hold fewer than two classes
     */
    public static TrainedSvc fit(double[][] x, int[] y, SvcParams params) {
        int[] rows = new int[x.length];
        Arrays.setAll(rows, i -> i);
        return fit(new SquaredDistances(x), y, rows, params);
    }

    /**
     * Fits on some rows of a data set whose distances are shared with other fits.
     *
     * @param distances the squared distances between all rows of the data set; not null
     * @param labels the class of every row of {@code distances}
     * @param rows   the training rows, in the order libsvm would receive them
     * @param params the settings; not null
     * @return the trained classifier
     * @throws IllegalArgumentException if {@code rows} is empty or holds fewer than two classes
     */
    public static TrainedSvc fit(SquaredDistances distances, int[] labels, int[] rows, SvcParams params) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit an SVC on zero rows");
        }
        int[] classes = Arrays.stream(rows).map(r -> labels[r]).distinct().sorted().toArray();
        if (classes.length < 2) {
            throw new IllegalArgumentException("an SVC needs at least two classes in the training rows, got "
                    + Arrays.toString(classes));
        }
        int[][] groups = groupByClass(labels, rows, classes);
        int[] counts = Arrays.stream(groups).mapToInt(g -> g.length).toArray();
        double[] classC = params.classWeight().weights(counts);
        for (int k = 0; k < classC.length; k++) {
            classC[k] *= params.c();
        }
        double gamma = params.gamma().resolve(distances.points(), rows);
        long cacheBytes = (long) (params.cacheSizeMb() * (1 << 20));
        // one set of kernel values for the whole fit: each row takes part in a problem per other class
        RbfKernelRows kernel = distances.kernel(gamma);

        int pairCount = classes.length * (classes.length - 1) / 2;
        int[][] pairRows = new int[pairCount][];
        double[][] pairCoefficients = new double[pairCount][];
        double[] rho = new double[pairCount];
        boolean[] support = new boolean[distances.size()];
        int p = 0;
        for (int a = 0; a < classes.length; a++) {
            for (int b = a + 1; b < classes.length; b++, p++) {
                int[] problemRows = concat(groups[a], groups[b]);
                byte[] signs = new byte[problemRows.length];
                Arrays.fill(signs, 0, groups[a].length, (byte) 1);
                Arrays.fill(signs, groups[a].length, signs.length, (byte) -1);
                BinarySolution solution = solve(distances, kernel, problemRows, signs, classC[a], classC[b],
                        params, cacheBytes);
                pairRows[p] = supportVectors(problemRows, solution.coefficients(), support);
                pairCoefficients[p] = nonZero(solution.coefficients());
                rho[p] = solution.rho();
            }
        }
        return TrainedSvc.of(classes, gamma, distances, support, groups, pairRows, pairCoefficients, rho);
    }

    // the loops over rows live in helpers rather than in fit and solve: a loop makes its method hot enough for the
    // JIT to compile it on its own (on-stack replacement), and compiling fit or solve means compiling the whole
    // solver inlined into them once more, JIT time that every short search pays

    /** The rows of the non-zero coefficients, each marked in {@code support}. */
    private static int[] supportVectors(int[] problemRows, double[] coefficients, boolean[] support) {
        int[] rows = new int[count(coefficients)];
        for (int t = 0, s = 0; t < problemRows.length; t++) {
            if (coefficients[t] != 0) {
                rows[s++] = problemRows[t];
                support[problemRows[t]] = true;
            }
        }
        return rows;
    }

    private static double[] nonZero(double[] coefficients) {
        double[] values = new double[count(coefficients)];
        for (int t = 0, s = 0; t < coefficients.length; t++) {
            if (coefficients[t] != 0) {
                values[s++] = coefficients[t];
            }
        }
        return values;
    }

    private static int count(double[] coefficients) {
        int nonZero = 0;
        for (double coefficient : coefficients) {
            nonZero += coefficient != 0 ? 1 : 0;
        }
        return nonZero;
    }

    /** {@code K(t, t)} of each problem row, from the squared norms as the kept rows compute it. */
    private static double[] diagonal(SquaredDistances distances, RbfKernelRows kernel, int[] problemRows) {
        double[] diagonal = new double[problemRows.length];
        for (int t = 0; t < diagonal.length; t++) {
            diagonal[t] = Math.exp(-kernel.gamma() * distances.self(problemRows[t]));
        }
        return diagonal;
    }

    private static BinarySolution solve(SquaredDistances distances, RbfKernelRows kernel, int[] problemRows,
                                        byte[] signs, double cPositive, double cNegative, SvcParams params,
                                        long cacheBytes) {
        int l = problemRows.length;
        double[] diagonal = diagonal(distances, kernel, problemRows);
        SmoSolver solver;
        if (kernel.shared()) {
            // the kept rows are the columns, read in place: a problem row's value sits at its data row
            solver = new SmoSolver(signs, diagonal, problemRows, t -> kernel.row(problemRows[t]), cPositive,
                    cNegative, params.tol(), params.maxIter(), params.shrinking(), cacheBytes);
        } else {
            int[] ownRows = new int[l];
            Arrays.setAll(ownRows, t -> t);
            // the budget shared by the float columns and the solver's copies of them in position order
            KernelColumnCache cache = new KernelColumnCache(l, cacheBytes / 3, t -> kernel.column(problemRows, t));
            solver = new SmoSolver(signs, diagonal, ownRows, cache::column, cPositive, cNegative, params.tol(),
                    params.maxIter(), params.shrinking(), cacheBytes - cacheBytes / 3);
        }
        return solver.solve();
    }

    private static int[][] groupByClass(int[] labels, int[] rows, int[] classes) {
        int[][] groups = new int[classes.length][];
        int[] sizes = new int[classes.length];
        for (int row : rows) {
            sizes[Arrays.binarySearch(classes, labels[row])]++;
        }
        for (int k = 0; k < classes.length; k++) {
            groups[k] = new int[sizes[k]];
            sizes[k] = 0;
        }
        for (int row : rows) {
            int k = Arrays.binarySearch(classes, labels[row]);
            groups[k][sizes[k]++] = row;
        }
        return groups;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
