package org.javaparallel.examples;

import static org.javaparallel.ml.search.ParamDistribution.logspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.SVC;
import org.javaparallel.ml.search.RandomizedSearch;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.Pools;

/**
 * The course's randomized search (notebook 10) as a plain Java program, without Jupyter or JShell: an RBF
 * {@link SVC} on the digits, 5 sampled candidates cross-validated on 10 folds, so 50 fits, run first on two
 * threads and then on two worker JVMs. Both runs sample the same candidates (same seed) and fit them
 * deterministically, so they must pick the same best one.
 *
 * <p>Run it from the project root with {@code mvn -q -pl examples -am package exec:exec -DskipTests}. It needs
 * no JVM options: it starts no SparkSession, and the worker JVMs start with this JVM's class path and module
 * options.
 */
public final class SearchFromMain {
    /** The search space of the course's notebooks: log-spaced C, gamma and tol, with or without class weights. */
    private static final Map<String, Object> SPACE = Map.of(
            "C", logspace(-6, 6, 30), "gamma", logspace(-8, 8, 30), "tol", logspace(-4, -1, 30),
            "classWeight", List.of("none", "balanced"));
    private static final int CANDIDATES = 5;
    private static final int FOLDS = 10;

    private SearchFromMain() {
    }

    /**
     * Runs the search on both backends and prints one line per backend, then whether they agree.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        LabeledData digits = Digits.load();
        RandomizedSearch onThreads = search(digits, Pools.threads(2), "threads 2");
        RandomizedSearch onProcesses = search(digits, Pools.processes(2), "processes 2");
        boolean agree = onThreads.bestParams().equals(onProcesses.bestParams());
        System.out.println("same best candidate on both backends: " + agree);
    }

    /** Fits the search on {@code pool}, closes the pool (which stops worker JVMs) and prints the best candidate. */
    private static RandomizedSearch search(LabeledData digits, Pool pool, String backend) {
        // seed(0): every run samples the same candidates, whatever the backend
        RandomizedSearch search = new RandomizedSearch(new SVC(), SPACE, CANDIDATES).cv(FOLDS).seed(0);
        try (pool) {
            search.fit(digits, pool);
        }
        System.out.printf(Locale.ROOT, "%s: best %s, mean accuracy %.4f%n", backend, search.bestParams(),
                search.bestScore());
        return search;
    }
}
