package org.javaparallel.ml.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.SVC;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.Pools;
import org.javaparallel.parallel.TaskRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a search without a chunksize cuts its fits into pool tasks, read from the pool's timeline: on worker JVMs a
 * task holds folds of one candidate only, so that no two JVMs compute the same candidate's kernel values; on
 * threads, which share them, a task is one fit.
 */
class SearchChunkingTest {
    private static final LabeledData DIGITS = Digits.load();
    private static final int FOLDS = 4;
    private static Pool workerJvms;

    @BeforeAll
    static void start() {
        workerJvms = Pools.processes(2);
    }

    @AfterAll
    static void stop() {
        workerJvms.close();
    }

    private static RandomizedSearch search(int candidates, int folds) {
        return new RandomizedSearch(new SVC(), Map.of("C", List.of(0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0),
                "gamma", List.of(1e-3, 2e-3)), candidates).seed(3).cv(folds).verbose(0);
    }

    private static RandomizedSearch search(int candidates) {
        return search(candidates, FOLDS);
    }

    private static List<Integer> taskSizes(Pool pool) {
        return pool.lastTimeline().stream().map(TaskRecord::itemCount).sorted().toList();
    }

    private static void assertEachTaskHoldsOneCandidate(Pool pool, int folds) {
        for (TaskRecord task : pool.lastTimeline()) {
            int firstCandidate = task.firstItem() / folds;
            int lastCandidate = (task.firstItem() + task.itemCount() - 1) / folds;
            assertEquals(firstCandidate, lastCandidate, "a task holds folds of two candidates: " + task);
        }
    }

    @Test
    void onWorkerJvmsEnoughCandidatesGiveOneTaskPerCandidate() {
        assertFalse(workerJvms.runsInThisJvm());
        search(8).fit(DIGITS, workerJvms);
        assertEquals(List.of(4, 4, 4, 4, 4, 4, 4, 4), taskSizes(workerJvms));
        assertEachTaskHoldsOneCandidate(workerJvms, FOLDS);
        // scikit-learn's default of 5 folds, a prime: whole candidates still
        search(8, 5).fit(DIGITS, workerJvms);
        assertEquals(List.of(5, 5, 5, 5, 5, 5, 5, 5), taskSizes(workerJvms));
        assertEachTaskHoldsOneCandidate(workerJvms, 5);
    }

    @Test
    void onWorkerJvmsFewCandidatesAreCutIntoShares() {
        // 4 candidates, 2 workers: halves of each candidate's 4 folds give each worker 4 tasks
        search(4).fit(DIGITS, workerJvms);
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 2, 2), taskSizes(workerJvms));
        assertEachTaskHoldsOneCandidate(workerJvms, FOLDS);
        // 5 folds do not halve: tasks of 2 folds, some of them the last fold of one candidate and the first of the next
        search(4, 5).fit(DIGITS, workerJvms);
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), taskSizes(workerJvms));
        // 2 candidates want 4 shares each: one fold a task
        search(2).fit(DIGITS, workerJvms);
        assertEquals(8, taskSizes(workerJvms).size());
        assertTrue(taskSizes(workerJvms).stream().allMatch(size -> size == 1), taskSizes(workerJvms).toString());
    }

    @Test
    void aChunksizeTheSearchIsGivenIsKept() {
        search(3).chunksize(3).fit(DIGITS, workerJvms);
        assertEquals(List.of(3, 3, 3, 3), taskSizes(workerJvms));
    }

    @Test
    void onThreadsEachFitIsATask() {
        try (Pool threads = Pools.threads(2)) {
            assertTrue(threads.runsInThisJvm());
            search(8).fit(DIGITS, threads);
            assertEquals(8 * FOLDS, threads.lastTimeline().size());
            assertTrue(threads.lastTimeline().stream().allMatch(task -> task.itemCount() == 1));
        }
    }
}
