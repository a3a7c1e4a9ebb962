package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * Every combination of parameter values (sklearn's ParameterGrid), parameters in name order. Point {@code i} is
 * {@code i} written in mixed radix, one digit per parameter and the first name varying slowest, so that
 * {@link GridSearch} can list all points and {@link CandidateSampler} can draw some by number.
 */
final class ParamGrid {
    private final List<String> names;
    private final List<List<?>> values;

    ParamGrid(Map<String, ? extends List<?>> valuesByName) {
        TreeMap<String, List<?>> sorted = new TreeMap<>();
        valuesByName.forEach((name, list) -> sorted.put(name, ParamDistribution.of(list).values()));
        this.names = List.copyOf(sorted.keySet());
        this.values = List.copyOf(sorted.values());
    }

    long size() {
        long size = 1;
        for (List<?> axis : values) {
            size = Math.multiplyExact(size, axis.size());
        }
        return size;
    }

    Map<String, Object> point(long index) {
        Object[] digits = new Object[names.size()];
        long rest = index;
        for (int k = names.size() - 1; k >= 0; k--) {
            List<?> axis = values.get(k);
            digits[k] = axis.get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        Map<String, Object> point = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            point.put(names.get(k), digits[k]);
        }
        return point;
    }

    List<Map<String, Object>> points() {
        return LongStream.range(0, size()).mapToObj(this::point).toList();
    }
}
