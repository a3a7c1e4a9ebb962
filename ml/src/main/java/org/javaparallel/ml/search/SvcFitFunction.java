package org.javaparallel.ml.search;

import java.util.List;
import java.util.UUID;
import org.javaparallel.ml.svm.RbfSvc;
import org.javaparallel.ml.svm.SquaredDistances;
import org.javaparallel.ml.svm.SvcParams;
import org.javaparallel.ml.svm.TrainedSvc;
import org.javaparallel.parallel.SerializableFunction;

/**
 * The task function of an SVC search: small enough to ship with every task (a data reference, the candidates'
 * settings, the splitter, the search's id); rows, distances and folds come from {@link SharedData} in the JVM that
 * runs it, the distances those of this search.
 */
record SvcFitFunction(DataRef data, List<SvcParams> candidates, Splitter splitter, UUID search)
        implements SerializableFunction<FitTask, FitOutcome> {
    @Override
    public FitOutcome apply(FitTask task) {
        SharedData shared = SharedData.of(data);
        Fold fold = shared.folds(splitter).get(task.fold());
        SquaredDistances distances = shared.distances(search);
        long start = System.nanoTime();
        TrainedSvc model = RbfSvc.fit(distances, shared.data().y(), fold.train(), candidates.get(task.candidate()));
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        return new FitOutcome(task.candidate(), task.fold(), model.predictRows(distances, fold.test()), fitSeconds);
    }
}
