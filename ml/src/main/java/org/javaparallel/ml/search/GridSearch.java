package org.javaparallel.ml.search;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;

/** Cross-validates every ParamMap of a grid, e.g. {@code new ParamGridBuilder().addGrid(svc.C(), ...).build()}. */
public final class GridSearch extends ParameterSearch<GridSearch> {
    private final List<ParamMap> grid;

    /**
     * A search of every ParamMap of {@code grid}, like MLlib's CrossValidator.
     *
     * @param estimator the estimator to search; not null
     * @param grid the candidates; not null, and not empty when {@code fit} is called
     * @throws IllegalArgumentException if {@code estimator} is null
     * @throws NullPointerException if {@code grid} or one of its ParamMaps is null
     */
    public GridSearch(Estimator<?> estimator, ParamMap[] grid) {
        super(estimator);
        this.grid = List.of(grid);
    }

    /**
     * A grid by parameter names, sklearn's param_grid: every combination, the first name (in name order) slowest.
     *
     * @param estimator the estimator to search; not null
     * @param grid the values to try by parameter name, e.g. {@code Map.of("C", List.of(1, 10))}; not null
     * @throws IllegalArgumentException if {@code estimator} is null, or a name or value does not fit the estimator
     */
    public GridSearch(Estimator<?> estimator, Map<String, ? extends List<?>> grid) {
        super(estimator);
        this.grid = new ParamGrid(grid).points().stream().map(p -> CandidateParams.toParamMap(estimator, p)).toList();
    }

    @Override
    public List<ParamMap> candidates() {
        return grid;
    }

    @Override
    protected GridSearch self() {
        return this;
    }

    @Override
    public String toString() {
        return "GridSearch(" + estimator.uid() + ", " + grid.size() + " candidates)";
    }
}
