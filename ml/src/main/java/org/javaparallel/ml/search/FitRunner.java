package org.javaparallel.ml.search;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;

/**
 * Where the fits of one search run: tasks of a Pool (our SVC) or Spark jobs (MLlib estimators). Everything else
 * a search does (folds, progress, ranking, the refit decision) is the same for both, in {@link ParameterSearch}.
 * A runner is made for one fit call and its candidates, after they passed the search's checks, and closed when that
 * call ends.
 */
sealed interface FitRunner extends AutoCloseable permits PoolRunner, SparkRunner {
    /** How many rows the folds split. */
    int rows();

    /** Test score and fit time of every (candidate, fold); {@code onFitDone} runs after each fit. */
    FoldScores crossValidate(Splitter splitter, Scoring scoring, Runnable onFitDone);

    /** The candidate fitted on all the data. */
    Model<?> refit(ParamMap candidate);

    /** Lets go of what the search kept in this JVM; nothing by default. */
    @Override
    default void close() {
    }
}
