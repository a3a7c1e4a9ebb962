package org.javaparallel.ml.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.svm.SquaredDistances;

/**
 * The per-JVM home of search data: rows, their pairwise distances and their folds, by data id. Every task of a
 * search in this JVM, on any thread, uses one entry; the few most recent data sets are kept.
 *
 * <p>The distances, and the kernel values kept on them, belong to one search: a later search on the same rows
 * starts afresh. Reusing them would make a search look faster for the one run before it (notebook 10 times the
 * same search on one backend after another, and a backend must not inherit the previous one's work). The JVM that
 * runs a search lets go of them when it ends ({@link #searchEnded}), so that an idle kernel does not hold tens of
 * megabytes for a search that is over; a worker JVM keeps its copy until the next search or the end of its pool.
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
    private final Map<Splitter, List<Fold>> folds = new ConcurrentHashMap<>();
    private SearchDistances current;

    /** The distances of one search, by its id. */
    private record SearchDistances(UUID search, SquaredDistances distances) {
    }

    private SharedData(LabeledData data) {
        this.data = data;
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
     * The rows' pairwise squared distances for one search, computed on first use and shared by that search's tasks
     * in this JVM; a task of another search replaces them.
     *
     * @param search the search's id; not null
     * @return the distances
     */
    public synchronized SquaredDistances distances(UUID search) {
        if (current == null || !current.search().equals(search)) {
            current = new SearchDistances(search, new SquaredDistances(data.x()));
        }
        return current.distances();
    }

    /**
     * Lets go of the distances of a search that ended, and the kernel values kept on them, in this JVM. Loads
     * nothing: data this JVM no longer keeps has nothing to let go of.
     *
     * @param ref the data the search ran on; not null
     * @param search the search's id; not null
     */
    public static void searchEnded(DataRef ref, UUID search) {
        SharedData shared;
        synchronized (BY_ID) {
            shared = BY_ID.get(ref.id());
        }
        if (shared != null) {
            shared.forget(search);
        }
    }

    private synchronized void forget(UUID search) {
        if (current != null && current.search().equals(search)) {
            current = null;
        }
    }

    /** Whether this JVM keeps distances of some search for these rows. */
    synchronized boolean keepsDistances() {
        return current != null;
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
