package org.javaparallel.ml.search;

import java.io.Serializable;

/** What one fit sends back: its held-out predictions (scored on the driver) and how long fitting took. */
public record FitOutcome(int candidate, int fold, int[] predictions, double fitSeconds) implements Serializable {
}
