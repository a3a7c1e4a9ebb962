package org.javaparallel.ml.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;
import org.javaparallel.ml.SVC;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.Pools;
import org.javaparallel.ml.svm.SquaredDistances;
import org.junit.jupiter.api.Test;

/**
 * The distances (and the kernel values kept on them) are shared within one search, never across two, and let go of
 * when the search ends.
 */
class SharedDataTest {
    @Test
    void theTasksOfOneSearchShareItsDistancesAndALaterSearchStartsAfresh() {
        SharedData shared = SharedData.of(DataRef.of(Digits.load()));
        UUID first = UUID.randomUUID();
        SquaredDistances ofFirst = shared.distances(first);
        assertSame(ofFirst, shared.distances(first), "the folds of one search share its distances");

        SquaredDistances ofSecond = shared.distances(UUID.randomUUID());
        assertNotSame(ofFirst, ofSecond, "a second search on the same rows must not inherit the first one's work");
    }

    @Test
    void aSearchLetsGoOfItsDistancesWhenItEnds() {
        LabeledData digits = Digits.load();
        SharedData shared = SharedData.of(DataRef.of(digits));
        UUID other = UUID.randomUUID();
        shared.distances(other);
        SharedData.searchEnded(DataRef.of(digits), UUID.randomUUID());
        assertTrue(shared.keepsDistances(), "the end of another search lets go of nothing");

        try (Pool pool = Pools.threads(2)) {
            new RandomizedSearch(new SVC(), DigitsSearchSpace.DISTRIBUTIONS, 2).seed(0).cv(3).fit(digits, pool);
        }
        assertFalse(shared.keepsDistances(), "the search's distances (and kernel values) outlived it");
    }
}
