package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How rows are split into k folds, without shuffling, as scikit-learn's KFold and StratifiedKFold do: {@link KFold}
 * or {@link StratifiedKFold}.
 */
public sealed interface Splitter extends java.io.Serializable {
    /**
     * The number of folds.
     *
     * @return k
     */
    int folds();

    /**
     * The fold (0..k-1) whose test set each row belongs to.
     *
     * @param labels the class of each row
     * @return for each row, its fold
     * @throws IllegalArgumentException if the number of folds is less than 2 or more than the rows
     */
    int[] testFold(int[] labels);

    /**
     * The folds: for fold f, the rows of other folds to fit on and the rows of fold f to score on.
     *
     * @param labels the class of each row
     * @return the k folds, in order
     * @throws IllegalArgumentException if the number of folds is less than 2 or more than the rows
     */
    default List<Fold> split(int[] labels) {
        int[] testFold = testFold(labels);
        List<Fold> folds = new ArrayList<>(folds());
        for (int f = 0; f < folds(); f++) {
            int fold = f;
            int[] rows = new int[labels.length];
            Arrays.setAll(rows, i -> i);
            folds.add(new Fold(Arrays.stream(rows).filter(r -> testFold[r] != fold).toArray(),
                    Arrays.stream(rows).filter(r -> testFold[r] == fold).toArray()));
        }
        return folds;
    }

    /**
     * Checks a number of folds against a number of rows.
     *
     * @param k the number of folds
     * @param rows the number of rows
     * @throws IllegalArgumentException unless {@code 2 <= k <= rows}
     */
    static void requireFolds(int k, int rows) {
        if (k < 2 || k > rows) {
            throw new IllegalArgumentException("cv must be between 2 and the number of rows (" + rows + "), not " + k);
        }
    }

    /**
     * Contiguous folds, the first {@code n % k} one row larger.
     *
     * @param folds the number of folds, k
     * @serial exclude
     */
    record KFold(int folds) implements Splitter {
        @Override
        public int[] testFold(int[] labels) {
            Splitter.requireFolds(folds, labels.length);
            int[] testFold = new int[labels.length];
            int start = 0;
            for (int f = 0; f < folds; f++) {
                int size = labels.length / folds + (f < labels.length % folds ? 1 : 0);
                Arrays.fill(testFold, start, start + size, f);
                start += size;
            }
            return testFold;
        }
    }

    /**
     * scikit-learn's StratifiedKFold(shuffle=False) since 0.22: the per-fold count of each class is what dealing
     * the label-sorted rows round-robin to the folds gives; each class's rows, in data order, then fill fold 0,
     * fold 1, ... in blocks of those counts.
     *
     * @param folds the number of folds, k
     * @serial exclude
     */
    record StratifiedKFold(int folds) implements Splitter {
        @Override
        public int[] testFold(int[] labels) {
            Splitter.requireFolds(folds, labels.length);
            // classes numbered by first appearance, as sklearn encodes them
            int[] encoded = new int[labels.length];
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                int k = seen.indexOf(labels[i]);
                if (k < 0) {
                    k = seen.size();
                    seen.add(labels[i]);
                }
                encoded[i] = k;
            }
            int classes = seen.size();
            int[] counts = new int[classes];
            for (int k : encoded) {
                counts[k]++;
            }
            if (Arrays.stream(counts).allMatch(count -> count < folds)) {
                throw new IllegalArgumentException("cv=" + folds + " is more than the members of every class "
                        + Arrays.toString(counts) + ": use fewer folds");
            }
            int[] sorted = encoded.clone();
            Arrays.sort(sorted);
            int[][] allocation = new int[folds][classes];
            for (int i = 0; i < sorted.length; i++) {
                allocation[i % folds][sorted[i]]++;
            }
            int[] testFold = new int[labels.length];
            int[] fold = new int[classes];
            int[] usedInFold = new int[classes];
            for (int i = 0; i < labels.length; i++) {
                int k = encoded[i];
                while (usedInFold[k] == allocation[fold[k]][k]) {
                    fold[k]++;
                    usedInFold[k] = 0;
                }
                testFold[i] = fold[k];
                usedInFold[k]++;
            }
            return testFold;
        }
    }
}
