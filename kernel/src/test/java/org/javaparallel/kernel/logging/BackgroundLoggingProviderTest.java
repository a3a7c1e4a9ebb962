package org.javaparallel.kernel.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The real binding (log4j here, as in the kernel) starts only when a logger outside the kernel is asked for, or when
 * a kernel logger logs a warning; until then the kernel's loggers are quiet below warnings.
 */
class BackgroundLoggingProviderTest {
    private static Logger readyWithin(BackgroundLoggingProvider provider, String name) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Logger ready = provider.readyLogger(name);
            if (ready != null) {
                return ready;
            }
            Thread.sleep(25);
        }
        return null;
    }

    @Test
    void theKernelsOwnLoggersDoNotStartTheRealBinding() throws InterruptedException {
        BackgroundLoggingProvider provider = new BackgroundLoggingProvider();
        provider.initialize();
        for (String name : new String[]{"ShellChannel", "ControlChannel", "Loop-shell", BackgroundLoggingProvider.class.getName(),
                "org.dflib.jjava.jupyter.channels.IOPubChannel"}) {
            Logger logger = provider.getLoggerFactory().getLogger(name);
            assertInstanceOf(DeferredLogger.class, logger, name);
            assertFalse(logger.isTraceEnabled(), name + " traces before anything started");
            assertFalse(logger.isInfoEnabled(), name);
            assertTrue(logger.isWarnEnabled(), name);
        }
        Thread.sleep(200);
        assertNull(provider.readyLogger("ShellChannel"), "the real binding started though nothing outside the kernel logs");
    }

    @Test
    void aWarningOfAKernelLoggerStartsTheRealBinding() throws InterruptedException {
        BackgroundLoggingProvider provider = new BackgroundLoggingProvider();
        provider.initialize();
        Logger channel = provider.getLoggerFactory().getLogger("ShellChannel");
        channel.warn("a test warning from {}", "BackgroundLoggingProviderTest");
        assertNotNull(readyWithin(provider, "ShellChannel"), "a warning did not start the real binding");
        assertFalse(channel.isTraceEnabled(), "the kernel's configuration logs warnings and errors only");
    }

    @Test
    void anotherLibrarysLoggerStartsTheRealBinding() throws InterruptedException {
        BackgroundLoggingProvider provider = new BackgroundLoggingProvider();
        provider.initialize();
        provider.getLoggerFactory().getLogger("org.apache.hadoop.util.Shell");
        assertNotNull(readyWithin(provider, "org.apache.hadoop.util.Shell"), "Hadoop's logger did not start the real binding");
    }
}
