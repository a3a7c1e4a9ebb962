package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A Spark session that a cell built itself is left to its owner, not taken over by the kernel. */
@Tag("slow")
class ForeignSessionTest {

    @Test
    void theKernelRefusesToAdoptASessionACellStarted() {
        SparkSession cells = SparkSession.builder().master("local[1]").appName("a cell's own").getOrCreate();
        try {
            SparkSessions kernel = new SparkSessions(SparkSettings.of(Optional.empty()));
            SparkStartException refused = assertThrows(SparkStartException.class, () -> kernel.session("local[1]"));
            String message = refused.getMessage();
            assertTrue(message.contains("Spark already runs in this kernel, started by a cell's own code"), message);
            assertTrue(message.contains("master local[1]") && message.contains("Stop it in a cell"), message);
            assertFalse(kernel.isRunning());
            assertFalse(cells.sparkContext().isStopped(), "the cell's session must be left running");
        } finally {
            cells.stop();
        }
    }
}
