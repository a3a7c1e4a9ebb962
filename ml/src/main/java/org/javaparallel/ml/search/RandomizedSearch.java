package org.javaparallel.ml.search;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;

/**
 * Cross-validates {@code nIter} candidates drawn from parameter distributions by name: lists of values,
 * {@link ParamDistribution#logspace}, {@link ParamDistribution#uniform}, {@link ParamDistribution#logUniform}.
 * The draws depend only on the distributions, {@code nIter} and the seed (default 0).
 */
public final class RandomizedSearch extends ParameterSearch<RandomizedSearch> {
    private final CandidateSampler sampler;
    private final int nIter;
    private long seed;

    /**
     * A search of {@code nIter} candidates drawn from {@code distributions}, like sklearn's RandomizedSearchCV.
     *
     * @param estimator the estimator to search; not null
     * @param distributions by parameter name, a {@link ParamDistribution} or a list of values; not null
     * @param nIter the number of candidates, at least 1
     * @throws IllegalArgumentException if {@code estimator} is null, {@code nIter} is less than 1, or a name,
     * distribution or value does not fit the estimator
     */
    public RandomizedSearch(Estimator<?> estimator, Map<String, ?> distributions, int nIter) {
        super(estimator);
        this.sampler = new CandidateSampler(distributions);
        if (nIter < 1) {
            throw new IllegalArgumentException("nIter must be at least 1, not " + nIter);
        }
        this.nIter = nIter;
        candidates();
    }

    /**
     * Sets the seed of the draws (default 0), like sklearn's {@code random_state}.
     *
     * @param value the seed
     * @return this search
     */
    public RandomizedSearch seed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * The drawn candidates by parameter name, e.g. to hand the same ones to scikit-learn.
     *
     * @return the candidates' values by parameter name, in order
     */
    public List<Map<String, Object>> candidateValues() {
        return sampler.sample(nIter, seed);
    }

    @Override
    public List<ParamMap> candidates() {
        return candidateValues().stream().map(values -> CandidateParams.toParamMap(estimator, values)).toList();
    }

    @Override
    protected RandomizedSearch self() {
        return this;
    }

    @Override
    public String toString() {
        return "RandomizedSearch(" + estimator.uid() + ", nIter=" + nIter + ", seed=" + seed + ")";
    }
}
