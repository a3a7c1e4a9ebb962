package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of an external tool (nbconvert, a browser script) with a time limit; output kept in a file. */
public record ToolRun(List<String> command, int exitCode, String output) {

    public static ToolRun run(List<String> command, Map<String, String> environment, Path workDirectory,
                              Duration timeout) throws IOException, InterruptedException {
        Path log = workDirectory.resolve("tool-output.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            throw new AssertionError(command + " did not finish within " + timeout + ":\n" + Files.readString(log));
        }
        return new ToolRun(command, process.exitValue(), Files.readString(log));
    }

    /** Fails with the tool's output unless it exited with 0. */
    public ToolRun requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(command + " exited with " + exitCode + ":\n" + output);
        }
        return this;
    }
}
