package org.javaparallel.ml.search;

import java.io.Serializable;

/**
 * What one fit sends back: its held-out predictions (scored on the driver) and how long fitting took.
 *
 * @param candidate the candidate's number
 * @param fold the fold's number
 * @param predictions the predicted classes of the fold's test rows, in row order
 * @param fitSeconds how long the fit took, in seconds
 * @serial exclude
 */
public record FitOutcome(int candidate, int fold, int[] predictions, double fitSeconds) implements Serializable {
}
