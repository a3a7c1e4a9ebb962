package org.javaparallel.ml.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.SVC;
import org.javaparallel.ml.search.CandidateResult;
import org.javaparallel.ml.search.DigitsSearchSpace;
import org.javaparallel.ml.search.RandomizedSearch;
import org.javaparallel.ml.search.SequentialPool;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.Pools;

/**
 * The course's search on the digits (5 candidates, 10 stratified folds, 50 fits), timed; writes the drawn
 * candidates and their mean scores as JSON so that bench/search-vs-sklearn.sh can run scikit-learn on the same
 * candidates and folds. With 1 worker the fits run one after another (a sequential Pool, like sklearn's n_jobs=1);
 * with more, on a threads pool of that size (compared with sklearn's joblib backends at the same n_jobs).
 * Arguments: output JSON path, seed, workers (default 1), candidates (n_iter, default 5, the course's).
 *
 * <p>bench/search-vs-sklearn.sh also runs this class, unchanged, on the library of an earlier commit for its
 * baseline column, so it must use only API that commit had.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int candidates = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        RandomizedSearch search = new RandomizedSearch(new SVC(), DigitsSearchSpace.DISTRIBUTIONS, candidates)
                .seed(seed).cv(10);
        Digits.load();
        double seconds;
        double cpuSeconds;
        // CPU time (every thread of this JVM, the compiler's too) as well as wall time: on a machine shared with
        // other work the wall time of two runs can differ by more than the code does
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Pool pool = workers > 1 ? Pools.threads(workers) : new SequentialPool(false)) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            search.fit(Digits.load(), pool);
            seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        }
        System.out.print(search.results().toText());
        System.out.printf(Locale.ROOT, "java: search with refit took %.2f s, %.2f s of CPU (%s)%n", seconds,
                cpuSeconds, workers > 1 ? "threads(" + workers + ")" : "sequential, one core");
        String drawn = search.results().candidates().stream().map(SearchBenchmark::json)
                .collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
        Files.writeString(output, String.format(Locale.ROOT,
                "{\"seconds\": %s, \"cpu_seconds\": %s, \"candidates\": %s}%n",
                Double.toString(seconds), Double.toString(cpuSeconds), drawn));
    }

    private static String json(CandidateResult result) {
        Map<String, Object> p = result.params();
        return String.format(Locale.ROOT, "{\"C\": %s, \"gamma\": %s, \"tol\": %s, \"class_weight\": %s, \"mean\": %s}",
                p.get("C"), p.get("gamma"), p.get("tol"),
                p.get("classWeight").equals("balanced") ? "\"balanced\"" : "null", Double.toString(result.meanScore()));
    }
}
