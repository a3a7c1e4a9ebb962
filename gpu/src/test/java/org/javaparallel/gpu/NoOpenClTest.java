package org.javaparallel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without OpenCL, simulated honestly: a JVM whose ICD loader reads its drivers from an empty directory
 * ({@code OCL_ICD_VENDORS}), so that it finds no platform, as on a machine where no vendor's driver is installed.
 */
class NoOpenClTest {
    @Test
    void withoutAPlatformTheFunctionRunsOnJavaThreadsWithANotice(@TempDir Path noDrivers) throws Exception {
        String output = runSlideMain(noDrivers);

        assertTrue(output.contains("OpenCL: no OpenCL runtime installed (the ICD loader finds no platform); GPU code"
                + " runs as plain Java. Install the OpenCL ICD loader"), output);
        assertTrue(output.contains("java-parallel-gpu: running on Java threads instead of OpenCL: no OpenCL runtime"
                + " installed (the ICD loader finds no platform). Install "), output);
        assertTrue(output.contains("10,000 values on Java threads (no OpenCL runtime installed"), output);
        assertTrue(output.contains("onOpenCl=false equalToSerial=true"), output);
    }

    private static String runSlideMain(Path driverDirectory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlideMain.class.getName())
                .redirectErrorStream(true);
        // output to a file, read after the wait: reading the pipe first would block past the time limit
        Path log = Files.createTempFile(driverDirectory, "slide-main", ".log");
        builder.redirectOutput(log.toFile());
        builder.environment().put("OCL_ICD_VENDORS", driverDirectory.toString());
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended, "SlideMain did not end: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
