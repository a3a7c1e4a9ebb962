package org.javaparallel.ml.search;

import java.io.Serializable;

/** One fit of a search: candidate number and fold number. */
public record FitTask(int candidate, int fold) implements Serializable {
}
