package org.javaparallel.ml.search;

import static org.javaparallel.ml.search.ParamDistribution.logspace;

import java.util.List;
import java.util.Map;

/**
 * TEST FIXTURE: the course's search space for an RBF SVC on the digits, the one notebooks 10 and 11 (and
 * bench/search-backends, which runs in a kernel without the test classes) write out for the students.
 */
public final class DigitsSearchSpace {
    public static final Map<String, Object> DISTRIBUTIONS = Map.of(
            "C", logspace(-6, 6, 30), "gamma", logspace(-8, 8, 30), "tol", logspace(-4, -1, 30),
            "classWeight", List.of("none", "balanced"));

    private DigitsSearchSpace() {
    }
}
