package org.javaparallel.ml.bench;

import static org.javaparallel.ml.search.ParamDistribution.logspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.SVC;
import org.javaparallel.ml.search.CandidateResult;
import org.javaparallel.ml.search.RandomizedSearch;
import org.javaparallel.ml.search.SequentialPool;

/**
 * The course's search on the digits (5 candidates, 10 stratified folds, 50 fits), timed; writes the drawn
 * candidates and their mean scores as JSON so that bench/search-vs-sklearn.sh can run scikit-learn on the same
 * candidates and folds. Runs the fits one after another (a sequential Pool) to compare with sklearn's n_jobs=1.
 * Arguments: output JSON path, seed.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        RandomizedSearch search = new RandomizedSearch(new SVC(), Map.of(
                "C", logspace(-6, 6, 30), "gamma", logspace(-8, 8, 30), "tol", logspace(-4, -1, 30),
                "classWeight", List.of("none", "balanced")), 5).seed(seed).cv(10);
        Digits.load();
        long start = System.nanoTime();
        search.fit(Digits.load(), new SequentialPool(false));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.print(search.results().toText());
        System.out.printf(Locale.ROOT, "java: search with refit took %.2f s (sequential, one core)%n", seconds);
        String candidates = search.results().candidates().stream().map(SearchBenchmark::json)
                .collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
        Files.writeString(output, String.format(Locale.ROOT, "{\"seconds\": %s, \"candidates\": %s}%n",
                Double.toString(seconds), candidates));
    }

    private static String json(CandidateResult result) {
        Map<String, Object> p = result.params();
        return String.format(Locale.ROOT, "{\"C\": %s, \"gamma\": %s, \"tol\": %s, \"class_weight\": %s, \"mean\": %s}",
                p.get("C"), p.get("gamma"), p.get("tol"),
                p.get("classWeight").equals("balanced") ? "\"balanced\"" : "null", Double.toString(result.meanScore()));
    }
}
