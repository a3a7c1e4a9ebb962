package org.javaparallel.ml.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.search.Fold;
import org.javaparallel.ml.search.Splitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Our solver against libsvm-java 3.31 on stratified folds of the digits: same predictions, fold by fold. */
@Tag("slow")
class RbfSvcTest {
    private static final LabeledData DIGITS = Digits.load();
    private static final SquaredDistances DISTANCES = new SquaredDistances(DIGITS.x());

    @BeforeAll
    static void quietLibsvm() {
        svm.svm_set_print_string_function(message -> { });
    }

    @Test
    void defaultSettingsMatchLibsvmOnTenFolds() {
        assertSameAsLibsvm(SvcParams.defaults(), 10);
    }

    @Test
    void balancedWeightsAndLooseToleranceMatchLibsvm() {
        assertSameAsLibsvm(SvcParams.defaults().withC(30).withGamma(0.002).withTol(0.1)
                .withClassWeight(ClassWeight.BALANCED), 4);
    }

    @Test
    void tinyCMatchesLibsvm() {
        assertSameAsLibsvm(SvcParams.defaults().withC(1e-6).withGamma(0.001), 3);
    }

    @Test
    void hugeGammaMatchesLibsvm() {
        assertSameAsLibsvm(SvcParams.defaults().withC(3).withGamma(1e3).withClassWeight(ClassWeight.BALANCED), 3);
    }

    @Test
    void smallCacheWithoutShrinkingMatchesLibsvm() {
        assertSameAsLibsvm(SvcParams.defaults().withC(100).withGamma(1e-4).withCacheSizeMb(0.01).withShrinking(false), 3);
    }

    @Test
    void iterationLimitStopsEarly() {
        SvcParams params = SvcParams.defaults().withC(100).withGamma(1e-4);
        TrainedSvc converged = RbfSvc.fit(DIGITS.x(), DIGITS.y(), params);
        TrainedSvc stopped = RbfSvc.fit(DIGITS.x(), DIGITS.y(), params.withMaxIter(3));
        // 3 steps move at most 6 multipliers of each of the 45 pairs
        assertTrue(stopped.supportVectorCount() < converged.supportVectorCount(),
                stopped.supportVectorCount() + " vs " + converged.supportVectorCount());
        assertTrue(stopped.supportVectorCount() <= 45 * 6, "support vectors: " + stopped.supportVectorCount());
    }

    @Test
    void predictingNewPointsEqualsPredictingRowsThroughSharedDistances() {
        Fold fold = new Splitter.StratifiedKFold(5).split(DIGITS.y()).get(2);
        TrainedSvc model = RbfSvc.fit(DISTANCES, DIGITS.y(), fold.train(), SvcParams.defaults());
        double[][] held = Arrays.stream(fold.test()).mapToObj(r -> DIGITS.x()[r]).toArray(double[][]::new);
        assertArrayEquals(model.predictRows(DISTANCES, fold.test()), model.predict(held));
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
                () -> SvcParams.defaults().withGamma(-1));
        assertTrue(gamma.getMessage().contains("gamma"), gamma.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> SvcParams.defaults().withC(0));
        assertTrue(c.getMessage().contains("C"), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassWeight.parse("balancd"));
    }

    private static void assertSameAsLibsvm(SvcParams params, int folds) {
        List<Fold> split = new Splitter.StratifiedKFold(folds).split(DIGITS.y());
        for (int f = 0; f < split.size(); f++) {
            Fold fold = split.get(f);
            TrainedSvc ours = RbfSvc.fit(DISTANCES, DIGITS.y(), fold.train(), params);
            int[] expected = libsvmPredictions(params.withGamma(ours.gamma()), fold);
            int[] actual = ours.predictRows(DISTANCES, fold.test());
            assertEquals(accuracy(expected, fold.test()), accuracy(actual, fold.test()), "accuracy of fold " + f);
            assertArrayEquals(expected, actual, "predictions of fold " + f + " with " + params);
        }
    }

    private static double accuracy(int[] predictions, int[] rows) {
        return IntStream.range(0, rows.length).filter(i -> predictions[i] == DIGITS.y()[rows[i]]).count()
                / (double) rows.length;
    }

    /** libsvm-java on the training rows ordered by class (stably), the order scikit-learn's libsvm sees. */
    private static int[] libsvmPredictions(SvcParams params, Fold fold) {
        int[] y = DIGITS.y();
        Integer[] train = Arrays.stream(fold.train()).boxed().sorted(Comparator.comparingInt(r -> y[r]))
                .toArray(Integer[]::new);
        svm_problem problem = new svm_problem();
        problem.l = train.length;
        problem.y = Arrays.stream(train).mapToDouble(r -> y[r]).toArray();
        problem.x = Arrays.stream(train).map(r -> nodes(DIGITS.x()[r])).toArray(svm_node[][]::new);
        svm_parameter parameter = new svm_parameter();
        parameter.svm_type = svm_parameter.C_SVC;
        parameter.kernel_type = svm_parameter.RBF;
        parameter.gamma = ((Gamma.Fixed) params.gamma()).value();
        parameter.C = params.c();
        parameter.eps = params.tol();
        parameter.cache_size = params.cacheSizeMb();
        parameter.shrinking = params.shrinking() ? 1 : 0;
        int[] classes = Arrays.stream(train).mapToInt(r -> y[r]).distinct().toArray();
        int[] counts = Arrays.stream(classes).map(k -> (int) Arrays.stream(train).filter(r -> y[r] == k).count())
                .toArray();
        parameter.nr_weight = classes.length;
        parameter.weight_label = classes;
        parameter.weight = params.classWeight().weights(counts);
        String problemWithParameters = svm.svm_check_parameter(problem, parameter);
        assertEquals(null, problemWithParameters);
        svm_model model = svm.svm_train(problem, parameter);
        return Arrays.stream(fold.test()).map(r -> (int) svm.svm_predict(model, nodes(DIGITS.x()[r]))).toArray();
    }

    private static svm_node[] nodes(double[] x) {
        return IntStream.range(0, x.length).filter(j -> x[j] != 0).mapToObj(j -> {
            svm_node node = new svm_node();
            node.index = j + 1;
            node.value = x[j];
            return node;
        }).toArray(svm_node[]::new);
    }
}
