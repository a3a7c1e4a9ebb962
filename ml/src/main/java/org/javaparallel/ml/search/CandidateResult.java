package org.javaparallel.ml.search;

import java.util.Map;
import org.apache.spark.ml.param.ParamMap;

/**
 * One row of a search's results, as sklearn's cv_results_ has them: test score per fold, their mean and
 * (population) standard deviation, mean fit time in seconds, and rank (1 = best, ties share the smaller rank).
 */
public record CandidateResult(Map<String, Object> params, ParamMap paramMap, double[] splitScores, double meanScore,
                              double stdScore, double meanFitSeconds, int rank) {
}
