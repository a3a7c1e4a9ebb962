package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;

/** Cross-validates every ParamMap of a grid, e.g. {@code new ParamGridBuilder().addGrid(svc.C(), ...).build()}. */
public final class GridSearch extends ParameterSearch<GridSearch> {
    private final List<ParamMap> grid;

    public GridSearch(Estimator<?> estimator, ParamMap[] grid) {
        super(estimator);
        this.grid = List.of(grid);
    }

    /** A grid by parameter names, sklearn's param_grid: every combination, the first name (in name order) slowest. */
    public GridSearch(Estimator<?> estimator, Map<String, ? extends List<?>> grid) {
        super(estimator);
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, ? extends List<?>> axis : new TreeMap<>(grid).entrySet()) {
            List<Map<String, Object>> extended = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : new ParamDistribution.Choice(axis.getValue()).values()) {
                    Map<String, Object> next = new LinkedHashMap<>(point);
                    next.put(axis.getKey(), value);
                    extended.add(next);
                }
            }
            points = extended;
        }
        this.grid = points.stream().map(p -> CandidateParams.toParamMap(estimator, p)).toList();
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
