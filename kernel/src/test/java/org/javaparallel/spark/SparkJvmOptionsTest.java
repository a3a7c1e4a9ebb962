package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparkJvmOptionsTest {

    @Test
    void opensTheModulesSparkNeedsOnJava17() {
        List<String> options = SparkJvmOptions.options();
        assertTrue(options.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), options::toString);
        assertTrue(options.stream().allMatch(o -> o.startsWith("-")), options::toString);
    }
}
