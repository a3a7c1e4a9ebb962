package org.javaparallel.parallel.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.javaparallel.parallel.spi.WorkerEnvironment;

/** The command line of a worker JVM: the kernel's own java, classpath and module options, and {@link WorkerMain}. */
record WorkerCommand(List<String> arguments) {
    private static final List<String> MODULE_OPTIONS = List.of("--add-opens", "--add-exports", "--add-modules");

    static WorkerCommand forThisJvm() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> kernelOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        command.addAll(moduleOptions(kernelOptions));
        command.addAll(classDataOptions(kernelOptions));
        // a worker that ran out of memory is in an unknown state: let it end so that the pool replaces it
        command.add("-XX:+ExitOnOutOfMemoryError");
        // workers stay warm between cells: while idle they give back the memory a task needed (as the kernel does)
        command.addAll(List.of("-XX:G1PeriodicGCInterval=10000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        return new WorkerCommand(List.copyOf(command));
    }

    /** Starts a worker JVM, with the variables set by {@code %env} added to its environment. */
    Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(arguments);
        builder.environment().putAll(WorkerEnvironment.overrides());
        return builder.start();
    }

    /**
     * The kernel's class-data-sharing options: a worker has the kernel's class path, so it can map the archive that
     * install.sh recorded of a kernel run, and load the classes the kernel starts with (the pool's own, the
     * protocol's) without parsing and verifying them. With {@code -Xshare:auto} a JVM that cannot use the archive
     * runs without it.
     */
    static List<String> classDataOptions(List<String> jvmOptions) {
        return jvmOptions.stream()
                .filter(option -> option.startsWith("-Xshare:") || option.startsWith("-XX:SharedArchiveFile="))
                .toList();
    }

    /** The module options among the kernel's JVM options, in either the {@code --opt=value} or {@code --opt value} form. */
    static List<String> moduleOptions(List<String> jvmOptions) {
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < jvmOptions.size(); i++) {
            String option = jvmOptions.get(i);
            if (MODULE_OPTIONS.contains(option) && i + 1 < jvmOptions.size()) {
                selected.add(option);
                selected.add(jvmOptions.get(++i));
            } else if (MODULE_OPTIONS.stream().anyMatch(name -> option.startsWith(name + "="))) {
                selected.add(option);
            }
        }
        return selected;
    }
}
