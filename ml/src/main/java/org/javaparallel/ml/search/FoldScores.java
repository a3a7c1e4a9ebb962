package org.javaparallel.ml.search;

/** Test score and fit time of every (candidate, fold), indexed {@code [candidate][fold]}. */
record FoldScores(double[][] testScores, double[][] fitSeconds) {
    static FoldScores empty(int candidates, int folds) {
        return new FoldScores(new double[candidates][folds], new double[candidates][folds]);
    }
}
