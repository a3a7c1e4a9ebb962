package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws candidates for {@link RandomizedSearch}, parameters in name order, from one seeded generator: the same
 * seed gives the same candidates. If all parameters are lists, distinct grid points are drawn (as sklearn's
 * ParameterSampler does), all of them when the grid is smaller than asked for.
 */
final class CandidateSampler {
    private final TreeMap<String, ParamDistribution> distributions;

    CandidateSampler(Map<String, ?> distributions) {
        this.distributions = new TreeMap<>();
        distributions.forEach((name, value) -> this.distributions.put(name, asDistribution(name, value)));
        if (this.distributions.isEmpty()) {
            throw new IllegalArgumentException("a randomized search needs at least one parameter distribution");
        }
    }

    List<Map<String, Object>> sample(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("nIter must be at least 1, not " + count);
        }
        Random random = new Random(seed);
        List<Map<String, Object>> candidates = new ArrayList<>(count);
        if (distributions.values().stream().allMatch(d -> d instanceof ParamDistribution.Choice)) {
            ParamGrid grid = new ParamGrid(choices());
            for (long point : distinctGridPoints(grid.size(), count, random)) {
                candidates.add(grid.point(point));
            }
        } else {
            for (int i = 0; i < count; i++) {
                Map<String, Object> candidate = new LinkedHashMap<>();
                distributions.forEach((name, distribution) -> candidate.put(name, distribution.sample(random)));
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /** Each parameter's values; {@link ParamGrid} orders the parameters. */
    private Map<String, List<?>> choices() {
        Map<String, List<?>> choices = new LinkedHashMap<>();
        distributions.forEach((name, distribution) -> choices.put(name, ((ParamDistribution.Choice) distribution).values()));
        return choices;
    }

    private static Set<Long> distinctGridPoints(long size, int count, Random random) {
        Set<Long> points = new LinkedHashSet<>();
        if (size <= count) {
            for (long p = 0; p < size; p++) {
                points.add(p);
            }
            return points;
        }
        while (points.size() < count) {
            points.add(random.nextLong(size));
        }
        return points;
    }

    private static ParamDistribution asDistribution(String name, Object value) {
        if (value instanceof ParamDistribution distribution) {
            return distribution;
        }
        if (value instanceof List<?> list) {
            return new ParamDistribution.Choice(list);
        }
        if (value instanceof double[] array) {
            return new ParamDistribution.Choice(java.util.Arrays.stream(array).boxed().toList());
        }
        throw new IllegalArgumentException("parameter \"" + name + "\" needs a list of values or a ParamDistribution "
                + "(logspace, uniform, logUniform), not " + value);
    }
}
