package org.javaparallel.ml.search;

import java.io.Serializable;

/** One split of cross-validation: row indices to fit on and to score on, each in increasing order. */
public record Fold(int[] train, int[] test) implements Serializable {
}
