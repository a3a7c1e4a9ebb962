package org.javaparallel.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FuturesAndWorkerProcessTest {
    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes"})
    void executorSubmitMapAndShutdown(String kind) {
        TaskExecutor executor = kind.equals("threads") ? Futures.threadExecutor(2) : Futures.processExecutor(2);
        try (executor) {
            TaskFuture<Integer> answer = executor.submit(() -> 6 * 7);
            TaskFuture<Integer> failing = executor.submit(() -> Integer.parseInt("x"));
            assertEquals(List.of(1, 4, 9), executor.map((Integer x) -> x * x, List.of(1, 2, 3)));
            assertEquals(42, executor.submit(() -> 6 * 7).get());
            assertEquals(42, answer.get());
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    failing::get);
            assertInstanceOf(NumberFormatException.class, e.getCause());
        }
        assertThrows(IllegalStateException.class, () -> executor.submit(() -> 1));
    }

    @Test
    void workerProcessRunsOneTaskInItsOwnJvmAndReportsItsExit() throws Exception {
        WorkerProcess ok = WorkerProcess.start(() -> ProcessHandle.current().pid());
        WorkerProcess throwing = WorkerProcess.start((SerializableRunnable) () -> {
            throw new IllegalStateException("no");
        });
        WorkerProcess exiting = WorkerProcess.start((SerializableRunnable) () -> System.exit(5));
        ok.join();
        throwing.join();
        exiting.join();
        assertEquals(0, ok.exitCode());
        assertEquals(ok.pid(), ok.result());
        assertTrue(ok.pid() != ProcessHandle.current().pid());
        assertEquals(1, throwing.exitCode());
        assertEquals(5, exiting.exitCode());
        assertFalse(ok.isAlive() || ProcessHandle.of(ok.pid()).map(ProcessHandle::isAlive).orElse(false));
    }
}
