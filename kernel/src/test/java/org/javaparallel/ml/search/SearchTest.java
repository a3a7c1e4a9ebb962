package org.javaparallel.ml.search;

import static org.javaparallel.ml.search.ParamDistribution.logUniform;
import static org.javaparallel.ml.search.ParamDistribution.logspace;
import static org.javaparallel.ml.search.ParamDistribution.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.javaparallel.kernel.testing.SystemOut;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.SVC;
import org.javaparallel.ml.SVCModel;
import org.javaparallel.ml.svm.RbfSvc;
import org.javaparallel.ml.svm.SquaredDistances;
import org.javaparallel.ml.svm.SvcParams;
import org.junit.jupiter.api.Test;

class SearchTest {
    private static final LabeledData DIGITS = Digits.load();

    @Test
    void randomizedSvcSearchScoresEachFoldLikeADirectFitAndPicksTheBest() {
        SVC svc = new SVC();
        RandomizedSearch search = new RandomizedSearch(svc, Map.of("C", List.of(0.1, 10.0),
                "gamma", List.of(1e-3, 1e-1, "scale")), 3).seed(7).cv(3);
        SequentialPool pool = new SequentialPool(false);
        String printed = SystemOut.captured(() -> search.fit(DIGITS, pool));

        assertEquals("Fitting 3 folds for each of 3 candidates, totalling 9 fits", printed.strip());
        // the digits travel by name: the function shipped with the tasks stays small
        assertTrue(pool.serializedFunctionBytes().stream().allMatch(bytes -> bytes < 8_000),
                "serialized task function sizes: " + pool.serializedFunctionBytes());
        List<Fold> folds = new Splitter.StratifiedKFold(3).split(DIGITS.y());
        SquaredDistances distances = new SquaredDistances(DIGITS.x());
        List<ParamMap> candidates = search.candidates();
        for (int c = 0; c < candidates.size(); c++) {
            SvcParams params = svc.copy(candidates.get(c)).svcParams();
            CandidateResult result = search.results().candidates().get(c);
            for (int f = 0; f < folds.size(); f++) {
                int[] test = folds.get(f).test();
                int[] predicted = RbfSvc.fit(distances, DIGITS.y(), folds.get(f).train(), params)
                        .predictRows(distances, test);
                int right = 0;
                for (int i = 0; i < test.length; i++) {
                    right += predicted[i] == DIGITS.y()[test[i]] ? 1 : 0;
                }
                assertEquals(right / (double) test.length, result.splitScores()[f], "candidate " + c + " fold " + f);
            }
        }
        double best = search.results().candidates().stream().mapToDouble(CandidateResult::meanScore).max().orElseThrow();
        assertEquals(best, search.bestScore());
        assertEquals(1, search.results().best().rank());
        SVCModel model = (SVCModel) search.bestModel();
        assertEquals(svc.copy(search.bestParamMap()).svcParams().c(), model.parent() instanceof SVC s
                ? s.svcParams().c() : Double.NaN);
        assertTrue(search.results().toText().contains("mean_test_accuracy"));
        assertTrue(search.results().toHtml().startsWith("<table>"));
    }

    @Test
    void scoresDoNotDependOnTheOrderTasksFinishIn() {
        GridSearch forward = new GridSearch(new SVC(), Map.of("C", List.of(0.5, 5.0), "tol", List.of(0.01)))
                .cv(3).verbose(0);
        GridSearch reversed = new GridSearch(new SVC(), Map.of("C", List.of(0.5, 5.0), "tol", List.of(0.01)))
                .cv(3).verbose(0);
        forward.fit(DIGITS, new SequentialPool(false));
        reversed.fit(DIGITS, new SequentialPool(true));
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(forward.results().candidates().get(c).splitScores(),
                    reversed.results().candidates().get(c).splitScores());
        }
    }

    @Test
    void gridSearchTakesParamGridBuilderGridsAndShipsOtherDataWithTheFunction() {
        SVC svc = new SVC().setGamma(0.01);
        ParamMap[] grid = new ParamGridBuilder().addGrid(svc.C(), new double[]{0.01, 1.0}).build();
        LabeledData firstRows = LabeledData.of(java.util.Arrays.copyOf(DIGITS.x(), 300),
                java.util.Arrays.copyOf(DIGITS.y(), 300));
        SequentialPool pool = new SequentialPool(false);
        GridSearch search = new GridSearch(svc, grid).cv(3).verbose(0).fit(firstRows, pool);
        assertEquals(Map.of("C", 1.0), search.bestParams());
        assertTrue(search.results().candidates().get(0).meanScore() < search.bestScore());
        assertTrue(pool.serializedFunctionBytes().get(0) > 300 * 64 * 8, "the rows travel with the function");
    }

    @Test
    void sameSeedDrawsTheSameCandidatesAndOtherSeedsOthers() {
        Map<String, Object> space = DigitsSearchSpace.DISTRIBUTIONS;
        RandomizedSearch a = new RandomizedSearch(new SVC(), space, 5).seed(42);
        RandomizedSearch b = new RandomizedSearch(new SVC(), space, 5).seed(42);
        RandomizedSearch c = new RandomizedSearch(new SVC(), space, 5).seed(43);
        assertEquals(a.candidateValues(), b.candidateValues());
        assertNotEquals(a.candidateValues(), c.candidateValues());
        assertEquals(5, new HashSet<>(a.candidateValues()).size());
        for (Map<String, Object> candidate : a.candidateValues()) {
            assertEquals(List.of("C", "classWeight", "gamma", "tol"), List.copyOf(candidate.keySet()));
            assertTrue(((ParamDistribution.Choice) space.get("C")).values().contains(candidate.get("C")));
        }
    }

    @Test
    void gridPointsComeFirstNameSlowestAndASmallListSpaceIsDrawnWhole() {
        Map<String, List<?>> space = Map.of("tol", List.of(0.1, 0.2, 0.3), "C", List.of(1.0, 2.0));
        List<Map<String, Object>> grid = new GridSearch(new SVC(), space).candidates().stream()
                .map(CandidateParams::describe).toList();
        assertEquals(List.of(Map.of("C", 1.0, "tol", 0.1), Map.of("C", 1.0, "tol", 0.2), Map.of("C", 1.0, "tol", 0.3),
                Map.of("C", 2.0, "tol", 0.1), Map.of("C", 2.0, "tol", 0.2), Map.of("C", 2.0, "tol", 0.3)), grid);
        assertEquals(grid, new RandomizedSearch(new SVC(), space, 10).seed(5).candidateValues());
    }

    @Test
    void continuousDistributionsStayInTheirRanges() {
        RandomizedSearch search = new RandomizedSearch(new SVC(),
                Map.of("C", logUniform(1e-3, 1e3), "tol", uniform(1e-4, 1e-2)), 50).seed(1);
        for (Map<String, Object> candidate : search.candidateValues()) {
            double cValue = (Double) candidate.get("C");
            double tol = (Double) candidate.get("tol");
            assertTrue(cValue >= 1e-3 && cValue < 1e3, "C " + cValue);
            assertTrue(tol >= 1e-4 && tol < 1e-2, "tol " + tol);
        }
        assertEquals(1e-6, logspace(-6, 6, 30).values().get(0));
        assertEquals(1e6, logspace(-6, 6, 30).values().get(29));
    }

    @Test
    void badParameterNamesAndValuesAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new RandomizedSearch(new SVC(), Map.of("gama", List.of(1.0)), 1));
        assertTrue(unknown.getMessage().contains("\"gama\""), unknown.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new GridSearch(new SVC(), Map.of("gamma", List.of(-1.0))));
        assertTrue(negative.getMessage().contains("\"gamma\""), negative.getMessage());
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> new GridSearch(new SVC(), Map.of("classWeight", List.of("balance"))));
        assertTrue(weight.getMessage().contains("classWeight"), weight.getMessage());
        SVC other = new SVC();
        ParamMap[] foreign = new ParamGridBuilder().addGrid(other.C(), new double[]{1}).build();
        IllegalArgumentException stranger = assertThrows(IllegalArgumentException.class,
                () -> new GridSearch(new SVC(), foreign).fit(DIGITS, new SequentialPool(false)));
        assertTrue(stranger.getMessage().contains("\"C\""), stranger.getMessage());
    }

    @Test
    void aCandidateTheSolverRejectsStopsTheSearchBeforeAnyFit() {
        SVC svc = new SVC();
        ParamMap[] grid = new ParamGridBuilder().addGrid(svc.C(), new double[]{1.0, Double.POSITIVE_INFINITY}).build();
        SequentialPool pool = new SequentialPool(false);
        GridSearch search = new GridSearch(svc, grid).cv(3);
        String printed = SystemOut.captured(() -> {
            IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                    () -> search.fit(DIGITS, pool));
            assertTrue(rejected.getMessage().contains("C=Infinity"), rejected.getMessage());
            assertTrue(rejected.getMessage().contains("C must be a positive number"), rejected.getMessage());
        });
        assertEquals("", printed, "the search was not announced");
        assertTrue(pool.serializedFunctionBytes().isEmpty(), "no fit was sent to the pool");
    }
}
