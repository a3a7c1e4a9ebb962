package org.javaparallel.kernel.logging;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * which Spark logs through) starts only when something needs it, and then on a thread of its own: log4j's
 * start-up scans every jar for plugins and takes about a quarter of a second of CPU, which a kernel that never
 * logs should not spend while it starts.
 * <ul>
 * <li>The kernel's and its base's (jjava's) own classes, which ask for their loggers at start-up, get
 * {@link DeferredLogger}s: quiet below warnings, as the kernel's log4j configuration is, until the real binding
 * has started, which their first warning or error does.</li>
 * <li>Any other logger asked for (Spark's, Hadoop's) starts the real binding. Loggers handed out before it is
 * ready record their events and pass them on once it is.</li>
 * </ul>
 */
public final class BackgroundLoggingProvider implements SLF4JServiceProvider {
    static final String PROPERTY = "slf4j.provider";
    /**
     * The loggers the kernel base (jjava) asks for as the kernel starts, by the names it gives them. Should a later
     * jjava name them otherwise, the real binding starts with the kernel, as it did before: slower, never wrong.
     */
    private static final Set<String> KERNEL_BASE_LOGGERS = Set.of(
            "BaseKernel", "ControlChannel", "HeartbeatChannel", "IOPubChannel", "StdinChannel", "ShellChannel");
    /** jjava's socket loops name theirs "Loop-" and the loop's name. */
    private static final String KERNEL_BASE_LOOP_LOGGERS = "Loop-";
    /** Loggers named after a class of the kernel or of jjava. */
    private static final List<String> KERNEL_PACKAGES = List.of("org.javaparallel.", "org.dflib.jjava.");

    /** The JVM's own stderr, kept before the kernel routes System.err into cells. */
    private static final PrintStream CONSOLE = System.err;

    private final SubstituteLoggerFactory early = new SubstituteLoggerFactory();
    private final CompletableFuture<SLF4JServiceProvider> real = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final ILoggerFactory loggers = this::logger;
    private final IMarkerFactory markers = new LateMarkerFactory(() -> real.join().getMarkerFactory());
    private final MDCAdapter diagnosticContext = new LateMDCAdapter(() -> real.join().getMDCAdapter());

    /** Makes SLF4J use this provider unless the JVM was told to use another one. */
    public static void select() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, BackgroundLoggingProvider.class.getName());
        }
    }

    /** SLF4J binds this provider: nothing starts yet (see the class comment). */
    @Override
    public void initialize() {
    }

    /** Starts the real binding on a thread of its own, once. */
    void startRealBinding() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
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
        if (isKernelLogger(name) && !started.get()) {
            return new DeferredLogger(name, this);
        }
        startRealBinding();
        return startedLogger(name);
    }

    private static boolean isKernelLogger(String name) {
        return KERNEL_BASE_LOGGERS.contains(name) || name.startsWith(KERNEL_BASE_LOOP_LOGGERS)
                || KERNEL_PACKAGES.stream().anyMatch(name::startsWith);
    }

    /**
     * The logger of the real binding once it is ready; until then one that records its events and passes them on
     * when it is.
     */
    Logger startedLogger(String name) {
        Logger ready = readyLogger(name);
        if (ready != null) {
            return ready;
        }
        synchronized (early) {
            if (!real.isDone()) {
                return early.getLogger(name);
            }
        }
        return real.join().getLoggerFactory().getLogger(name);
    }

    /** The real binding's logger, or null while it is not ready. */
    Logger readyLogger(String name) {
        SLF4JServiceProvider ready = real.getNow(null);
        return ready == null ? null : ready.getLoggerFactory().getLogger(name);
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
