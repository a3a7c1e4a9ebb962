package org.javaparallel.ml.search;

import java.util.Map;
import org.apache.spark.ml.param.ParamMap;

/**
 * One row of a search's results, as sklearn's cv_results_ has them: test score per fold, their mean and
 * (population) standard deviation, mean fit time in seconds, and rank (1 = best, ties share the smaller rank).
 *
 * @param params the candidate's params by name
 * @param paramMap the candidate's params as a ParamMap of the searched estimator
 * @param splitScores the test score of each fold, in fold order
 * @param meanScore the mean of the fold scores; NaN if the metric failed
 * @param stdScore the population standard deviation of the fold scores
 * @param meanFitSeconds the mean time of one fit, in seconds
 * @param rank the candidate's rank, 1 for the best; ties share the smaller rank
 */
public record CandidateResult(Map<String, Object> params, ParamMap paramMap, double[] splitScores, double meanScore,
                              double stdScore, double meanFitSeconds, int rank) {
}
