package org.javaparallel.ml.search;

import java.io.Serializable;

/**
 * One split of cross-validation: row indices to fit on and to score on, each in increasing order.
 *
 * @param train the rows to fit on
 * @param test the rows to score on
 * @serial exclude
 */
public record Fold(int[] train, int[] test) implements Serializable {
}
