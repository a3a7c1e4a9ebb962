package org.javaparallel.parallel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {
    private static final List<String> KERNEL_OPTIONS = List.of("-Xshare:auto",
            "-XX:SharedArchiveFile=/opt/jp/kernel.jsa", "-Xss8m", "--add-modules=jdk.incubator.vector",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-XX:MaxHeapFreeRatio=30");

    @Test
    void workersGetTheKernelsModuleOptionsInEitherForm() {
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "--add-opens", "java.base/java.lang=ALL-UNNAMED"),
                WorkerCommand.moduleOptions(KERNEL_OPTIONS));
    }

    @Test
    void workersMapTheKernelsClassDataArchive() {
        assertEquals(List.of("-Xshare:auto", "-XX:SharedArchiveFile=/opt/jp/kernel.jsa"),
                WorkerCommand.classDataOptions(KERNEL_OPTIONS));
        assertEquals(List.of(), WorkerCommand.classDataOptions(List.of("-Xss8m")), "a kernel without an archive");
    }

    @Test
    void theCommandOfThisJvmStartsWorkerMainOnItsClassPath() {
        List<String> arguments = WorkerCommand.forThisJvm().arguments();
        assertEquals(WorkerMain.class.getName(), arguments.get(arguments.size() - 1));
        assertEquals(System.getProperty("java.class.path"), arguments.get(arguments.size() - 2));
    }
}
