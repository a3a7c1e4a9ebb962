package org.javaparallel.ml.svm;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A fitted one-vs-one RBF SVC. For each pair of classes {@code (a, b)}, in the order (0,1), (0,2), ..., (1,2), ...,
 * the decision value is {@code sum coef_s K(sv_s, x) - rho}, summed over the pair's support vectors with those of
 * class a first; a positive value is a vote for a, otherwise for b, and the class with most votes wins, the
 * smallest class on ties (libsvm's rule).
 *
 * <p>Instances are made by {@link RbfSvc#fit}.
 */
public final class TrainedSvc implements Serializable {
    /** The class labels, sorted. */
    private final int[] classes;
    /** The RBF kernel's coefficient. */
    private final double gamma;
    /** The support vectors, grouped by class. */
    private final double[][] supportVectors;
    /** The squared norm of each support vector. */
    private final double[] supportNorms;
    /** Row of each support vector in the data the model was fitted on, for {@link #predictRows}. */
    private final int[] supportRows;
    /** For each pair of classes, the indexes of its support vectors. */
    private final int[][] pairSupport;
    /** For each pair of classes, the coefficient of each of its support vectors. */
    private final double[][] pairCoefficients;
    /** For each pair of classes, the decision function's offset. */
    private final double[] rho;

    private TrainedSvc(int[] classes, double gamma, double[][] supportVectors, double[] supportNorms,
                       int[] supportRows, int[][] pairSupport, double[][] pairCoefficients, double[] rho) {
        this.classes = classes;
        this.gamma = gamma;
        this.supportVectors = supportVectors;
        this.supportNorms = supportNorms;
        this.supportRows = supportRows;
        this.pairSupport = pairSupport;
        this.pairCoefficients = pairCoefficients;
        this.rho = rho;
    }

    static TrainedSvc of(int[] classes, double gamma, SquaredDistances distances, boolean[] support,
                         int[][] groups, int[][] pairRows, double[][] pairCoefficients, double[] rho) {
        // support vectors grouped by class, in data order within a class, as libsvm stores them
        int[] supportRows = Arrays.stream(groups).flatMapToInt(Arrays::stream).filter(r -> support[r]).toArray();
        int[] slotOfRow = new int[distances.size()];
        double[][] vectors = new double[supportRows.length][];
        double[] norms = new double[supportRows.length];
        for (int s = 0; s < supportRows.length; s++) {
            slotOfRow[supportRows[s]] = s;
            vectors[s] = distances.points()[supportRows[s]].clone();
            norms[s] = distances.squaredNorm(supportRows[s]);
        }
        int[][] pairSupport = new int[pairRows.length][];
        for (int p = 0; p < pairRows.length; p++) {
            pairSupport[p] = Arrays.stream(pairRows[p]).map(r -> slotOfRow[r]).toArray();
        }
        return new TrainedSvc(classes, gamma, vectors, norms, supportRows, pairSupport, pairCoefficients, rho);
    }

    /**
     * The class labels the model knows, sorted.
     *
     * @return a copy of the labels
     */
    public int[] classes() {
        return classes.clone();
    }

    /**
     * The gamma used, after "scale" or "auto" was resolved on the training rows.
     *
     * @return the coefficient, positive
     */
    public double gamma() {
        return gamma;
    }

    /**
     * The number of support vectors over all pairs of classes.
     *
     * @return the count
     */
    public int supportVectorCount() {
        return supportVectors.length;
    }

    /**
     * Predicts the class of one sample.
     *
     * @param x the sample's features, as many as the training rows had; not null
     * @return the predicted class label
     */
    public int predict(double[] x) {
        double norm = SquaredDistances.dot(x, x);
        double[] kernel = new double[supportVectors.length];
        for (int s = 0; s < kernel.length; s++) {
            kernel[s] = Math.exp(-gamma * (norm + supportNorms[s] - 2 * SquaredDistances.dot(x, supportVectors[s])));
        }
        return vote(kernel);
    }

    /**
     * Predicts the class of each sample.
     *
     * @param x the samples, one row each; not null
     * @return the predicted class labels, in row order
     */
    public int[] predict(double[][] x) {
        return Arrays.stream(x).mapToInt(this::predict).toArray();
    }

    /**
     * Predicts rows of the data set the model was fitted on (e.g. a held-out fold), reusing its distances.
     *
     * @param distances the distances of the data set the model was fitted on; not null
     * @param rows the rows to predict
     * @return the predicted class labels, in the order of {@code rows}
     */
    public int[] predictRows(SquaredDistances distances, int[] rows) {
        int[] predictions = new int[rows.length];
        double[] kernel = new double[supportVectors.length];
        for (int i = 0; i < rows.length; i++) {
            double[] d2 = distances.row(rows[i]);
            for (int s = 0; s < kernel.length; s++) {
                kernel[s] = Math.exp(-gamma * d2[supportRows[s]]);
            }
            predictions[i] = vote(kernel);
        }
        return predictions;
    }

    private int vote(double[] kernel) {
        int[] votes = new int[classes.length];
        int p = 0;
        for (int a = 0; a < classes.length; a++) {
            for (int b = a + 1; b < classes.length; b++, p++) {
                double sum = 0;
                int[] support = pairSupport[p];
                double[] coefficients = pairCoefficients[p];
                for (int s = 0; s < support.length; s++) {
                    sum += coefficients[s] * kernel[support[s]];
                }
                votes[sum - rho[p] > 0 ? a : b]++;
            }
        }
        int winner = 0;
        for (int k = 1; k < votes.length; k++) {
            if (votes[k] > votes[winner]) {
                winner = k;
            }
        }
        return classes[winner];
    }
}
