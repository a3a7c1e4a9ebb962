package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.javaparallel.ml.svm.SvcParams;
import org.javaparallel.parallel.Pool;

/** Runs every (candidate, fold) fit of an SVC search as one task of a Pool; results land by their indices. */
final class PoolRunner {
    private PoolRunner() {
    }

    static FoldScores run(DataRef data, List<SvcParams> candidates, Splitter splitter, Scoring scoring, Pool pool,
                          int chunksize, Runnable onFitDone) {
        List<Fold> folds = SharedData.of(data).folds(splitter);
        int[] labels = SharedData.of(data).data().y();
        List<FitTask> tasks = new ArrayList<>(candidates.size() * folds.size());
        for (int c = 0; c < candidates.size(); c++) {
            for (int f = 0; f < folds.size(); f++) {
                tasks.add(new FitTask(c, f));
            }
        }
        FoldScores scores = FoldScores.empty(candidates.size(), folds.size());
        Iterator<FitOutcome> outcomes = pool.imapUnordered(new SvcFitFunction(data, candidates, splitter), tasks,
                chunksize);
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
}
