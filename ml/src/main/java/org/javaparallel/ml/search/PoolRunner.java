package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.SVC;
import org.javaparallel.ml.svm.SvcParams;
import org.javaparallel.parallel.Pool;

/** Runs every (candidate, fold) fit of an SVC search as one task of a Pool; results land by their indices. */
final class PoolRunner implements FitRunner {
    /** Enough tasks per worker that the last ones, of different lengths, still balance. */
    private static final int TASKS_PER_WORKER = 4;

    private final SVC svc;
    private final List<SvcParams> settings;
    private final LabeledData data;
    private final DataRef ref;
    private final Pool pool;
    private final int chunksize;
    /** Names this search's distances in every JVM that runs its fits (see {@link SharedData}). */
    private final UUID search = UUID.randomUUID();

    /** Turns every candidate into solver settings first, so that a candidate the solver rejects stops the search. */
    PoolRunner(SVC svc, List<ParamMap> candidates, LabeledData data, Pool pool, int chunksize) {
        this.svc = svc;
        this.settings = candidates.stream().map(candidate -> settings(svc, candidate)).toList();
        this.data = data;
        this.ref = DataRef.of(data);
        this.pool = pool;
        this.chunksize = chunksize;
    }

    @Override
    public int rows() {
        return data.y().length;
    }

    @Override
    public FoldScores crossValidate(Splitter splitter, Scoring scoring, Runnable onFitDone) {
        List<Fold> folds = SharedData.of(ref).folds(splitter);
        int[] labels = data.y();
        List<FitTask> tasks = new ArrayList<>(settings.size() * folds.size());
        for (int c = 0; c < settings.size(); c++) {
            for (int f = 0; f < folds.size(); f++) {
                tasks.add(new FitTask(c, f));
            }
        }
        FoldScores scores = FoldScores.empty(settings.size(), folds.size());
        Iterator<FitOutcome> outcomes = pool.imapUnordered(new SvcFitFunction(ref, settings, splitter, search), tasks,
                chunksize > 0 ? chunksize : chosenChunksize(folds.size()));
        while (outcomes.hasNext()) {
            FitOutcome outcome = outcomes.next();
            int[] test = folds.get(outcome.fold()).test();
            int[] truth = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                truth[i] = labels[test[i]];
            }
            scores.testScores()[outcome.candidate()][outcome.fold()] = scoring.score(truth, outcome.predictions());
            scores.fitSeconds()[outcome.candidate()][outcome.fold()] = outcome.fitSeconds();
            onFitDone.run();
        }
        return scores;
    }

    /**
     * Fits per task when the search was given none. The tasks list each candidate's folds together, and the
     * kernel values of a candidate's folds are mostly the same (same gamma, nine tenths of the rows shared): on
     * threads every fit finds those a fit of the same candidate kept, so one fit per task balances best. A worker
     * JVM finds only those it computed itself; with one fit per task every worker JVM took folds of every
     * candidate and computed their kernel values again. There a task carries the folds of one candidate, or a
     * share of them where whole candidates would leave fewer than about four tasks per worker; where the shares do
     * not divide the folds evenly, a task may end with the first folds of the next candidate.
     */
    private int chosenChunksize(int folds) {
        if (pool.runsInThisJvm()) {
            return 1;
        }
        int wantedTasks = TASKS_PER_WORKER * pool.size();
        int shares = Math.min(folds, Math.max(1, (wantedTasks + settings.size() - 1) / settings.size()));
        return folds / shares;
    }

    @Override
    public Model<?> refit(ParamMap candidate) {
        // in this JVM the folds (on a threads pool) left the distances and the kept kernel values here
        return svc.copy(candidate).fit(data, SharedData.of(ref).distances(search));
    }

    /** The distances and kernel values this search kept in this JVM (the folds' on threads, the refit's) go. */
    @Override
    public void close() {
        SharedData.searchEnded(ref, search);
    }

    private static SvcParams settings(SVC svc, ParamMap candidate) {
        try {
            return svc.copy(candidate).svcParams();
        } catch (IllegalArgumentException rejected) {
            throw new IllegalArgumentException("candidate " + CandidateParams.describe(candidate) + " cannot be fitted: "
                    + rejected.getMessage(), rejected);
        }
    }
}
