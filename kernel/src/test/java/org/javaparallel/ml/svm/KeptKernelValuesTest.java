package org.javaparallel.ml.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.search.Fold;
import org.javaparallel.ml.search.Splitter;
import org.junit.jupiter.api.Test;

/**
 * The kernel values {@link SquaredDistances} keeps per gamma and shares between fits: a fit that reads kept values
 * gives the same model as one that computes its own (budget 0), whatever was fitted before on the same distances,
 * with another gamma, on other data, or on other threads at the same time.
 */
class KeptKernelValuesTest {
    private static final LabeledData DIGITS = Digits.load();
    private static final List<Fold> FOLDS = new Splitter.StratifiedKFold(10).split(DIGITS.y());
    private static final SvcParams PARAMS = SvcParams.defaults().withC(10).withGamma(0.001);
    private static final long ONE_GAMMA = 4L * DIGITS.x().length * DIGITS.x().length;

    @Test
    void foldsOfOneCandidateSharingKeptValuesGiveTheModelsOfFitsThatKeepNone() {
        SquaredDistances shared = new SquaredDistances(DIGITS.x());
        SquaredDistances own = new SquaredDistances(DIGITS.x(), 0);
        for (int f = 0; f < 3; f++) {
            assertSameModel(fit(own, f, PARAMS), fit(shared, f, PARAMS), own, "fold " + f);
        }
    }

    @Test
    void valuesKeptForOneGammaAreNotUsedForAnother() {
        SquaredDistances shared = new SquaredDistances(DIGITS.x());
        SvcParams other = PARAMS.withGamma(0.05);
        TrainedSvc first = fit(shared, 0, PARAMS);
        TrainedSvc second = fit(shared, 0, other);
        TrainedSvc alone = fit(new SquaredDistances(DIGITS.x(), 0), 0, other);
        // the two gammas give different models, so values of the first used for the second would show
        assertFalse(sameModel(first, alone, shared), "gamma 0.001 and 0.05 should give different models");
        assertSameModel(alone, second, shared, "gamma 0.05 after gamma 0.001");
    }

    @Test
    void aBudgetForOneGammaEvictsAndRecomputesWithoutChangingModels() {
        SquaredDistances one = new SquaredDistances(DIGITS.x(), ONE_GAMMA);
        SquaredDistances own = new SquaredDistances(DIGITS.x(), 0);
        SvcParams other = PARAMS.withGamma(0.01);
        for (SvcParams params : List.of(PARAMS, other, PARAMS)) {
            assertSameModel(fit(own, 1, params), fit(one, 1, params), own, "gamma " + params.gamma());
        }
    }

    @Test
    void foldsFittedAtOnceOnSeveralThreadsGiveTheModelsOfFitsThatKeepNone() throws Exception {
        SquaredDistances shared = new SquaredDistances(DIGITS.x());
        SquaredDistances own = new SquaredDistances(DIGITS.x(), 0);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<TrainedSvc>> fits = IntStream.range(0, 6)
                    .mapToObj(f -> threads.submit(() -> fit(shared, f, PARAMS))).toList();
            for (int f = 0; f < fits.size(); f++) {
                assertSameModel(fit(own, f, PARAMS), fits.get(f).get(), own, "fold " + f + " on a thread");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aNegativeBudgetIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SquaredDistances(DIGITS.x(), -1));
        assertEquals("the kernel budget must be 0 or more bytes, not -1", e.getMessage());
    }

    private static TrainedSvc fit(SquaredDistances distances, int fold, SvcParams params) {
        return RbfSvc.fit(distances, DIGITS.y(), FOLDS.get(fold).train(), params);
    }

    private static int[] predictAll(TrainedSvc model, SquaredDistances distances) {
        return model.predictRows(distances, IntStream.range(0, distances.size()).toArray());
    }

    private static boolean sameModel(TrainedSvc a, TrainedSvc b, SquaredDistances distances) {
        return a.supportVectorCount() == b.supportVectorCount()
                && Arrays.equals(predictAll(a, distances), predictAll(b, distances));
    }

    /** Same support vectors and the same prediction for every row: a model from other kernel values differs. */
    private static void assertSameModel(TrainedSvc expected, TrainedSvc actual, SquaredDistances distances,
                                        String what) {
        assertEquals(expected.supportVectorCount(), actual.supportVectorCount(), "support vectors, " + what);
        assertArrayEquals(predictAll(expected, distances), predictAll(actual, distances), "predictions, " + what);
    }
}
