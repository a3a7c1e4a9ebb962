package org.javaparallel.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BackendsTest {
    @AfterAll
    static void reset() {
        Backends.shutdownAll();
    }

    @Test
    void defaultIsThreadsOnAllCoresAndUseSwitchesTheCurrentBackend() {
        Backends.shutdownAll();
        assertEquals(new BackendSpec.Threads(Runtime.getRuntime().availableProcessors(), false), Backends.currentSpec());
        Pool before = Backends.current();
        assertEquals("threads(" + Runtime.getRuntime().availableProcessors() + ")", before.describe());
        Backends.use(BackendSpec.parse("processes 1"));
        assertTrue(Backends.describe().startsWith("processes(1): 0 of 1 worker JVMs started"), Backends.describe());
        assertThrows(IllegalStateException.class, () -> before.map((Integer x) -> x, List.of(1)),
                "use() closed the old pool");
        Backends.use(BackendSpec.parse("threads 2"));
        assertEquals(List.of(2, 4), Pools.current().map((Integer x) -> x * 2, List.of(1, 2)));
    }

    @Test
    void closingTheCurrentPoolInTryWithResourcesKeepsTheBackend() {
        Backends.use(BackendSpec.parse("threads 2"));
        try (Pool pool = Pools.current()) {
            pool.map((Integer x) -> x, List.of(1));
        }
        assertEquals(new BackendSpec.Threads(2, false), Backends.currentSpec());
        assertEquals(List.of(1), Pools.current().map((Integer x) -> x, List.of(1)));
    }

    @Test
    void aSparkSpecWithoutFactoryFailsClearlyAndTheOldBackendStays() {
        Backends.use(BackendSpec.parse("threads 2"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Backends.use(BackendSpec.parse("spark spark://node1:7077")));
        assertTrue(e.getMessage().contains("spark spark://node1:7077") && e.getMessage().contains("not available"),
                e.getMessage());
        assertEquals(new BackendSpec.Threads(2, false), Backends.currentSpec());
        assertEquals(List.of(3), Pools.current().map((Integer x) -> x + 1, List.of(2)));
    }

    @Test
    void anEngineOnTheClassPathIsFoundByServiceLoader() {
        // LocalSparkStandIn is listed in this module's test META-INF/services, as the Spark module lists its own
        Backends.use(BackendSpec.parse("spark local[3]"));
        try {
            assertEquals(3, Pools.current().size());
        } finally {
            Backends.use(BackendSpec.parse("threads 2")); // later tests expect a real backend
        }
    }

    @Test
    void withBackendRestoresThePreviousBackendEvenWhenTheBodyThrows() throws Exception {
        Backends.use(BackendSpec.parse("threads 2"));
        int inside = Backends.withBackend(BackendSpec.parse("threads 1"), () -> Pools.current().size());
        assertEquals(1, inside);
        assertEquals(2, Pools.current().size());
        assertThrows(ArithmeticException.class, () -> Backends.withBackend(BackendSpec.parse("threads 1"), () -> {
            throw new ArithmeticException("boom");
        }));
        assertEquals(new BackendSpec.Threads(2, false), Backends.currentSpec());
        assertEquals(List.of(1), Pools.current().map((Integer x) -> x, List.of(1)));
    }
}
