package org.javaparallel.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendSpecTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void parsesEveryValidForm() {
        assertEquals(new BackendSpec.Threads(CORES, false), BackendSpec.parse("threads"));
        assertEquals(new BackendSpec.Threads(4, false), BackendSpec.parse("  threads   4 "));
        assertEquals(new BackendSpec.Threads(4, true), BackendSpec.parse("threads 4 virtual"));
        assertEquals(new BackendSpec.Threads(CORES, true), BackendSpec.parse("threads virtual"));
        assertEquals(new BackendSpec.Processes(CORES), BackendSpec.parse("processes"));
        assertEquals(new BackendSpec.Processes(3), BackendSpec.parse("PROCESSES 3"));
        assertEquals(new BackendSpec.SparkLocal(2), BackendSpec.parse("spark local[2]"));
        assertEquals(new BackendSpec.SparkLocal(CORES), BackendSpec.parse("spark local[*]"));
        assertEquals(new BackendSpec.SparkMaster("spark://node17:7077"), BackendSpec.parse("spark spark://node17:7077"));
        assertEquals(new BackendSpec.SparkMaster("spark://10.0.0.5:7077"), BackendSpec.parse("spark spark://10.0.0.5:7077"));
        assertEquals(new BackendSpec.SparkAuto(), BackendSpec.parse("spark slurm"));
        assertEquals(new BackendSpec.SparkAuto(), BackendSpec.parse("spark auto"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fibers 4", "threads four", "threads 0", "threads -2", "threads 4 green",
            "threads 4 virtual extra", "processes 2 3", "processes x", "spark", "spark local[0]", "spark local[x]",
            "spark yarn", "spark spark://node17", "spark spark://:7077", "spark spark://bad host:7077",
            "spark spark://node17:7077/path", "spark local[2] local[3]"})
    void rejectsBadSpecsNamingTheProblemAndListingValidForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendSpec.parse(text));
        assertTrue(e.getMessage().startsWith("invalid backend: "), e.getMessage());
        assertTrue(e.getMessage().contains(BackendSpec.VALID_FORMS), e.getMessage());
    }

    @Test
    void errorNamesTheWrongWord() {
        assertTrue(message("threads four").contains("'four'"));
        assertTrue(message("spark spark://node17").contains("spark://node17"));
        assertTrue(message("fibers").contains("'fibers'"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> BackendSpec.parse(text)).getMessage();
    }
}
