package org.javaparallel.kernel.logging;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.helpers.SubstituteLogger;
import org.slf4j.helpers.SubstituteLoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding the kernel selects (system property {@code slf4j.provider}) so that the real one (log4j,
 * which Spark logs through) starts on a thread of its own: log4j's start-up scans every jar for plugins and
 * takes a good part of a second, and the kernel's sockets ask for their loggers before they can be bound.
 * Loggers handed out before the real binding is ready record their events and pass them on once it is.
 */
public final class BackgroundLoggingProvider implements SLF4JServiceProvider {
    static final String PROPERTY = "slf4j.provider";

    /** The JVM's own stderr, kept before the kernel routes System.err into cells. */
    private static final PrintStream CONSOLE = System.err;

    private final SubstituteLoggerFactory early = new SubstituteLoggerFactory();
    private final CompletableFuture<SLF4JServiceProvider> real = new CompletableFuture<>();
    private final ILoggerFactory loggers = this::logger;
    private final IMarkerFactory markers = new LateMarkerFactory(() -> real.join().getMarkerFactory());
    private final MDCAdapter diagnosticContext = new LateMDCAdapter(() -> real.join().getMDCAdapter());

    /** Makes SLF4J use this provider unless the JVM was told to use another one. */
    public static void select() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, BackgroundLoggingProvider.class.getName());
        }
    }

    @Override
    public void initialize() {
        Thread starter = new Thread(() -> {
            SLF4JServiceProvider provider;
            try {
                provider = findRealProvider();
                provider.initialize();
                // the binding's own start-up happens at its first logger: here, so that a failure falls back too
                provider.getLoggerFactory().getLogger(Logger.ROOT_LOGGER_NAME);
            } catch (RuntimeException | LinkageError e) {
                provider = new NOP_FallbackServiceProvider();
                CONSOLE.println("java-parallel: logging could not start, log messages are dropped: " + e);
            }
            handOver(provider);
        }, "logging-start");
        starter.setDaemon(true);
        starter.start();
    }

    private static SLF4JServiceProvider findRealProvider() {
        for (SLF4JServiceProvider provider : ServiceLoader.load(SLF4JServiceProvider.class,
                BackgroundLoggingProvider.class.getClassLoader())) {
            if (!(provider instanceof BackgroundLoggingProvider)) {
                return provider;
            }
        }
        return new NOP_FallbackServiceProvider();
    }

    private Logger logger(String name) {
        SLF4JServiceProvider started = real.getNow(null);
        if (started != null) {
            return started.getLoggerFactory().getLogger(name);
        }
        synchronized (early) {
            if (!real.isDone()) {
                return early.getLogger(name);
            }
        }
        return real.join().getLoggerFactory().getLogger(name);
    }

    private void handOver(SLF4JServiceProvider provider) {
        List<SubstituteLoggingEvent> recorded = new ArrayList<>();
        ILoggerFactory factory = provider.getLoggerFactory();
        synchronized (early) {
            for (SubstituteLogger logger : early.getLoggers()) {
                logger.setDelegate(factory.getLogger(logger.getName()));
            }
            early.postInitialization();
            early.getEventQueue().drainTo(recorded);
            real.complete(provider);
        }
        for (SubstituteLoggingEvent event : recorded) {
            LoggingEventBuilder replay = event.getLogger().makeLoggingEventBuilder(event.getLevel())
                    .setCause(event.getThrowable())
                    .setMessage(event.getMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    replay.addArgument(argument);
                }
            }
            replay.log();
        }
        early.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    /** SLF4J asks for this while it binds; the real factory is looked up on first use. */
    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    /** SLF4J asks for this while it binds; the real adapter is looked up on first use. */
    @Override
    public MDCAdapter getMDCAdapter() {
        return diagnosticContext;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
