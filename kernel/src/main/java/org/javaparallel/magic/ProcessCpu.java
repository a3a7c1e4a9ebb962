package org.javaparallel.magic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this whole JVM (all threads), split into user and system time where the OS tells it. */
record ProcessCpu(double userSeconds, double systemSeconds) {
    private static final Path PROC_STAT = Path.of("/proc/self/stat");
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    static ProcessCpu now() {
        if (Files.isReadable(PROC_STAT)) {
            try {
                String stat = Files.readString(PROC_STAT);
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new ProcessCpu(Long.parseLong(fields[11]) / CLOCK_TICKS_PER_SECOND,
                        Long.parseLong(fields[12]) / CLOCK_TICKS_PER_SECOND);
            } catch (IOException | RuntimeException unreadable) {
                // fall through to the platform-independent total
            }
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return new ProcessCpu(sun.getProcessCpuTime() / 1e9, 0);
        }
        return new ProcessCpu(0, 0);
    }

    ProcessCpu since(ProcessCpu start) {
        return new ProcessCpu(userSeconds - start.userSeconds, systemSeconds - start.systemSeconds);
    }

    double total() {
        return userSeconds + systemSeconds;
    }
}
