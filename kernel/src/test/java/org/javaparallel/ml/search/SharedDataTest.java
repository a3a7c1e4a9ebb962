package org.javaparallel.ml.search;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.UUID;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.svm.SquaredDistances;
import org.junit.jupiter.api.Test;

/** The distances (and the kernel values kept on them) are shared within one search, and never across two. */
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
}
