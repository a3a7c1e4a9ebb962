package org.javaparallel.ml.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.Classifier;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.SVC;
import org.javaparallel.parallel.Pool;

/**
 * What {@link GridSearch} and {@link RandomizedSearch} share, in the manner of scikit-learn's BaseSearchCV:
 * k-fold cross-validation of every candidate (stratified for classifiers), ranking by mean test score, and a
 * refit of the best candidate on all the data.
 *
 * <p>Our {@link SVC} is fitted in one JVM per fit, so its (candidate, fold) fits are the tasks of the given
 * {@link Pool}; any other MLlib estimator is fitted by Spark, {@code parallelism} fits at a time (default: the
 * pool's size), like CrossValidator. The same candidates and folds give the same scores on every backend.
 *
 * <p>The settings ({@code cv}, {@code scoring}, ...) return this search, so that they chain. The permitted
 * subclasses are {@link GridSearch} and {@link RandomizedSearch}.
 *
 * @param <S> the concrete search type, which the settings return
 */
public abstract sealed class ParameterSearch<S extends ParameterSearch<S>> permits GridSearch, RandomizedSearch {
    /** The estimator whose params are searched. */
    protected final Estimator<?> estimator;
    private Splitter splitter;
    private int cv = 5;
    private Scoring scoring = new Scoring.Accuracy();
    private boolean refit = true;
    private int verbose = 1;
    /** 0 until set: {@link PoolRunner} chooses for the pool. */
    private int chunksize;
    private int parallelism;
    private SearchResults results;
    private Model<?> bestModel;

    /**
     * A search of {@code estimator}'s params, with 5 folds, accuracy, refit and a progress bar.
     *
     * @param estimator the estimator to search; not null
     * @throws IllegalArgumentException if {@code estimator} is null
     */
    protected ParameterSearch(Estimator<?> estimator) {
        if (estimator == null) {
            throw new IllegalArgumentException("the estimator to search must not be null");
        }
        this.estimator = estimator;
    }

    /**
     * The candidates to cross-validate, as ParamMaps of the searched estimator.
     *
     * @return the candidates, in order
     * @throws IllegalArgumentException if a candidate's value does not fit its parameter
     */
    public abstract List<ParamMap> candidates();

    /**
     * This search, as its concrete type.
     *
     * @return {@code this}
     */
    protected abstract S self();

    /**
     * k folds: StratifiedKFold(k) for classifiers, KFold(k) otherwise (sklearn's rule; default 5).
     *
     * @param folds the number of folds, at least 2
     * @return this search
     * @throws IllegalArgumentException if {@code folds} is less than 2
     */
    public S cv(int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cv must be at least 2, not " + folds);
        }
        this.cv = folds;
        this.splitter = null;
        return self();
    }

    /**
     * Splits the rows with {@code folds} instead of the default k-fold rule.
     *
     * @param folds the splitter; null restores the default rule with the last number of folds
     * @return this search
     */
    public S cv(Splitter folds) {
        this.splitter = folds;
        return self();
    }

    /**
     * "accuracy" (the default).
     *
     * @param name the scoring's name; not null
     * @return this search
     * @throws IllegalArgumentException if the name is not {@code accuracy}
     */
    public S scoring(String name) {
        this.scoring = Scoring.of(name);
        return self();
    }

    /**
     * Scores each fold with an MLlib Evaluator, e.g. {@code new MulticlassClassificationEvaluator().setMetricName("f1")}.
     *
     * @param evaluator the evaluator; not null
     * @return this search
     */
    public S scoring(Evaluator evaluator) {
        this.scoring = new Scoring.WithEvaluator(evaluator);
        return self();
    }

    /**
     * Whether {@code fit} refits the best candidate on all the data (default true), for {@link #bestModel()}.
     *
     * @param value true to refit
     * @return this search
     */
    public S refit(boolean value) {
        this.refit = value;
        return self();
    }

    /**
     * 0: silent; 1 (default): sklearn's "Fitting k folds for each of n candidates" line and a progress bar.
     *
     * @param level the level; below 0 is like 0
     * @return this search
     */
    public S verbose(int level) {
        this.verbose = level;
        return self();
    }

    /**
     * Fits per pool task (SVC searches). By default the search chooses: one fit per task where the pool's tasks run
     * in this JVM ({@link Pool#runsInThisJvm()}), where all fits share the kernel values a candidate's folds have in
     * common; on worker JVMs and Spark cluster executors, the folds of one candidate together, so that one JVM
     * computes those kernel values instead of every one. Where that would leave fewer than about four tasks per
     * worker, a candidate's folds are cut into shares (of one fold each at the least), and a share may run into the
     * next candidate's folds.
     *
     * @param fits the number of fits one task carries, at least 1
     * @return this search
     * @throws IllegalArgumentException if {@code fits} is less than 1
     */
    public S chunksize(int fits) {
        if (fits < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, not " + fits);
        }
        this.chunksize = fits;
        return self();
    }

    /**
     * Concurrent Spark fits (MLlib estimators); 0 means the pool's size.
     *
     * @param fits the number of concurrent fits, or 0 for the default
     * @return this search
     * @throws IllegalArgumentException if {@code fits} is negative
     */
    public S parallelism(int fits) {
        if (fits < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0, not " + fits);
        }
        this.parallelism = fits;
        return self();
    }

    /**
     * Searches an {@link SVC} on arrays, each fit a task of {@code pool}.
     *
     * @param data the data; not null
     * @param pool where the fits run; not null
     * @return this search, with its results
     * @throws IllegalArgumentException if the estimator is not an {@link SVC}, there are no candidates, a candidate does
     * not fit the estimator, or the number of folds does not fit the data
     * @throws org.javaparallel.parallel.TaskFailedException if a fit failed
     * @throws IllegalStateException if {@code pool} is closed
     */
    public S fit(LabeledData data, Pool pool) {
        if (!(estimator instanceof SVC svc)) {
            throw new IllegalArgumentException("arrays can only be searched with our SVC; "
                    + estimator.getClass().getSimpleName() + " needs a DataFrame: call fit(dataFrame, pool)");
        }
        return search(candidates -> new PoolRunner(svc, candidates, data, pool, chunksize));
    }

    /**
     * Searches on a DataFrame: an {@link SVC} collects it once and fits on {@code pool}; other estimators are
     * fitted by Spark with {@code parallelism} (default {@code pool.size()}) concurrent fits.
     *
     * @param data the DataFrame; not null
     * @param pool where SVC fits run, and whose size is the default parallelism; not null
     * @return this search, with its results
     * @throws IllegalArgumentException if there are no candidates, a candidate does not fit the estimator, or the
     * number of folds does not fit the data
     * @throws org.javaparallel.parallel.TaskFailedException if an SVC fit failed
     * @throws IllegalStateException if {@code pool} is closed
     */
    public S fit(Dataset<?> data, Pool pool) {
        if (estimator instanceof SVC svc) {
            return fit(LabeledData.collect(data, svc.getOrDefault(svc.featuresCol()), svc.getOrDefault(svc.labelCol())),
                    pool);
        }
        return searchWithSpark(data, parallelism > 0 ? parallelism : pool.size());
    }

    /**
     * Searches a distributed MLlib estimator with {@code parallelism} (default 1) concurrent Spark fits.
     *
     * @param data the DataFrame; not null
     * @return this search, with its results
     * @throws IllegalArgumentException if the estimator is an {@link SVC} (it needs a pool), there are no candidates,
     * a candidate does not fit the estimator, or the number of folds does not fit the data
     */
    public S fit(Dataset<?> data) {
        if (estimator instanceof SVC) {
            throw new IllegalArgumentException("an SVC search runs its fits on a Pool: call fit(data, pool)");
        }
        return searchWithSpark(data, Math.max(1, parallelism));
    }

    private S searchWithSpark(Dataset<?> data, int concurrentFits) {
        return search(candidates -> new SparkRunner(estimator, candidates, data, concurrentFits));
    }

    /** The one search: the runner, made for the checked candidates, decides only where the fits run. */
    private S search(Function<List<ParamMap>, FitRunner> runnerFor) {
        List<ParamMap> candidates = validCandidates();
        try (FitRunner runner = runnerFor.apply(candidates)) {
            Splitter folds = splitter(runner.rows());
            SearchProgress progress = announce(folds.folds(), candidates.size());
            FoldScores scores = runner.crossValidate(folds, scoring, progress == null ? () -> { } : progress::advance);
            results = new SearchResults(scoring.name(), scoring.largerIsBetter(), candidates, scores);
            bestModel = null;
            if (refit) {
                bestModel = runner.refit(results.best().paramMap());
            }
        }
        return self();
    }

    /**
     * The candidates' results; shows as a table.
     *
     * @return the results of the last {@code fit}
     * @throws IllegalStateException if the search has not been fitted
     */
    public SearchResults results() {
        requireFitted();
        return results;
    }

    /**
     * The best candidate's params by name.
     *
     * @return the params of the best candidate of the last {@code fit}
     * @throws IllegalStateException if the search has not been fitted
     */
    public Map<String, Object> bestParams() {
        return results().best().params();
    }

    /**
     * The best candidate's params as a ParamMap of the estimator.
     *
     * @return the ParamMap of the best candidate of the last {@code fit}
     * @throws IllegalStateException if the search has not been fitted
     */
    public ParamMap bestParamMap() {
        return results().best().paramMap();
    }

    /**
     * The best candidate's mean test score.
     *
     * @return the score of the best candidate of the last {@code fit}
     * @throws IllegalStateException if the search has not been fitted
     */
    public double bestScore() {
        return results().best().meanScore();
    }

    /**
     * The best candidate refitted on all the data (an {@code SVCModel} for SVC searches).
     *
     * @return the refitted model
     * @throws IllegalStateException if the search has not been fitted, or {@code refit(false)} was set
     */
    public Model<?> bestModel() {
        requireFitted();
        if (bestModel == null) {
            throw new IllegalStateException("refit(false) was set: there is no best model, only bestParams()");
        }
        return bestModel;
    }

    private List<ParamMap> validCandidates() {
        List<ParamMap> candidates = candidates();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("the search has no candidates");
        }
        candidates.forEach(c -> CandidateParams.requireOwnParams(estimator, c));
        return candidates;
    }

    private Splitter splitter(int rows) {
        Splitter chosen = splitter != null ? splitter
                : isClassifier() ? new Splitter.StratifiedKFold(cv) : new Splitter.KFold(cv);
        Splitter.requireFolds(chosen.folds(), rows);
        return chosen;
    }

    private boolean isClassifier() {
        return estimator instanceof SVC || estimator instanceof Classifier<?, ?, ?>;
    }

    private SearchProgress announce(int folds, int candidates) {
        if (verbose < 1) {
            return null;
        }
        System.out.println("Fitting " + folds + " folds for each of " + candidates + " candidates, totalling "
                + folds * candidates + " fits");
        return new SearchProgress(folds * candidates);
    }

    private void requireFitted() {
        if (results == null) {
            throw new IllegalStateException("the search has not been fitted yet: call fit(...) first");
        }
    }
}
