package org.javaparallel.kernel;

import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.javaparallel.kernel.testing.ExecuteResult;
import org.javaparallel.kernel.testing.InstalledKernel;
import org.javaparallel.kernel.testing.JupyterClient;
import org.javaparallel.kernel.testing.SharedKernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shared test kernel recovers: a test that leaves it busy or kills it is followed by a test that gets a
 * working kernel, as ProtocolIT's tests rely on. The tests run in order, each pair a "break" and a "next test".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Needs(Prerequisite.DEBIAN_JUPYTER)
class KernelRecoveryIT {
    /** Far below the 60 s a cell waits by default: the next test must not wait for the stuck cell. */
    private static final Duration QUICK = Duration.ofSeconds(20);
    private static SharedKernel shared;
    private static JupyterClient kernel;
    private static long brokenPid;

    @BeforeAll
    static void startKernel() throws IOException {
        shared = SharedKernel.start(InstalledKernel.get());
    }

    @AfterAll
    static void stopKernel() {
        shared.close();
    }

    @BeforeEach
    void responsiveKernel() throws IOException {
        kernel = shared.responsive();
    }

    @Test
    @Order(1)
    void aTestLeavesACellRunningForever() {
        String request = kernel.sendExecute("while (true) {}");
        assertTrue(kernel.awaitIopub(request, "execute_input", QUICK), "the endless cell did not start");
        brokenPid = kernel.kernelPid();
    }

    @Test
    @Order(2)
    void theNextTestGetsAKernelThatAnswers() {
        assertWorkingKernelOtherThanTheBrokenOne();
    }

    @Test
    @Order(3)
    void aTestKillsTheKernel() {
        brokenPid = kernel.kernelPid();
        ProcessHandle.of(brokenPid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    @Order(4)
    void theTestAfterItGetsAKernelThatAnswers() {
        assertWorkingKernelOtherThanTheBrokenOne();
    }

    private static void assertWorkingKernelOtherThanTheBrokenOne() {
        ExecuteResult result = kernel.execute("1 + 1", QUICK);
        assertEquals("2", result.resultText(), result.describe());
        assertNotEquals(brokenPid, kernel.kernelPid());
    }
}
