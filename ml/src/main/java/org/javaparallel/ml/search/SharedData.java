package org.javaparallel.ml.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.svm.SquaredDistances;

/**
 * The per-JVM home of search data: rows, their pairwise distances and their folds, by data id. Every task of a
 * search in this JVM, on any thread, uses one entry; the few most recent data sets are kept.
 */
public final class SharedData {
    private static final int KEPT = 3;
    private static final Map<String, SharedData> BY_ID = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SharedData> eldest) {
            return size() > KEPT;
        }
    };

    private final LabeledData data;
    private final SquaredDistances distances;
    private final Map<Splitter, List<Fold>> folds = new ConcurrentHashMap<>();

    private SharedData(LabeledData data) {
        this.data = data;
        this.distances = new SquaredDistances(data.x());
    }

    /**
     * The entry for {@code ref}'s data in this JVM, loaded on first use.
     *
     * @param ref the data's reference; not null
     * @return the entry, shared by every task in this JVM
     */
    public static SharedData of(DataRef ref) {
        synchronized (BY_ID) {
            return BY_ID.computeIfAbsent(ref.id(), id -> new SharedData(ref.load()));
        }
    }

    /**
     * The rows.
     *
     * @return the data
     */
    public LabeledData data() {
        return data;
    }

    /**
     * The rows' pairwise squared distances, computed on first use and shared.
     *
     * @return the distances
     */
    public SquaredDistances distances() {
        return distances;
    }

    /**
     * The rows' folds by {@code splitter}, computed once per splitter.
     *
     * @param splitter the splitter; not null
     * @return the folds, in order
     * @throws IllegalArgumentException if the number of folds does not fit the data
     */
    public List<Fold> folds(Splitter splitter) {
        return folds.computeIfAbsent(splitter, s -> s.split(data.y()));
    }
}
