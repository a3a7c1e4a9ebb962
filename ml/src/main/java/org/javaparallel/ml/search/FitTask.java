package org.javaparallel.ml.search;

import java.io.Serializable;

/**
 * One fit of a search: candidate number and fold number.
 *
 * @param candidate the candidate's number
 * @param fold the fold's number
 * @serial exclude
 */
public record FitTask(int candidate, int fold) implements Serializable {
}
