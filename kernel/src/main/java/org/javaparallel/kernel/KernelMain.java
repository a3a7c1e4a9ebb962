package org.javaparallel.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.javaparallel.debugger.DebugRequests;
import org.javaparallel.debugger.Debugger;
import org.javaparallel.eval.CellApiJars;
import org.javaparallel.eval.CompileClassPath;
import org.javaparallel.eval.JShellEvaluator;
import org.javaparallel.kernel.io.CellOutput;
import org.javaparallel.kernel.io.OutputRouter;
import org.javaparallel.kernel.lifecycle.KernelLifecycle;
import org.javaparallel.kernel.lifecycle.ParallelLifecycle;
import org.javaparallel.kernel.lifecycle.SparkLifecycle;
import org.javaparallel.kernel.logging.BackgroundLoggingProvider;
import org.javaparallel.magic.BackendMagic;
import org.javaparallel.magic.ClasspathMagic;
import org.javaparallel.magic.EnvMagic;
import org.javaparallel.magic.LsMagic;
import org.javaparallel.magic.MagicRegistry;
import org.javaparallel.magic.MavenMagic;
import org.javaparallel.magic.ResourcesMagic;
import org.javaparallel.magic.SparkMagic;
import org.javaparallel.magic.TimeMagic;
import org.javaparallel.magic.TimeitMagic;
import org.javaparallel.parallel.Backends;
import org.javaparallel.parallel.spi.CallerContext;
import org.javaparallel.parallel.spi.CellCodeRegistry;
import org.javaparallel.spark.SparkSessions;

/**
 * Starts the kernel as Jupyter does: {@code java ... KernelMain <connection file>}. JShell starts in the
 * background at once; the sockets are bound next and answer kernel_info while the kernel object is built;
 * other requests wait for it, and the first cell waits for JShell.
 */
public final class KernelMain {
    static final List<String> STARTUP = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.util.concurrent.*;",
            "import java.util.concurrent.atomic.*;",
            "import java.io.*;",
            "import java.nio.file.*;",
            "import java.math.*;",
            "import org.javaparallel.display.*;",
            "import static org.javaparallel.display.Display.display;",
            "import static org.javaparallel.display.Display.html;",
            "import static org.javaparallel.display.Display.markdown;",
            "import static org.javaparallel.display.Display.png;",
            "import org.javaparallel.parallel.*;",
            "import static org.javaparallel.spark.SparkAccess.*;");

    private static final long EXIT_GRACE_MILLIS = 5000;

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp <lib>/* " + KernelMain.class.getName() + " <connection file>");
            System.exit(2);
        }
        // first: a kernel whose start hangs must still end with the process that started it
        List<KernelLifecycle> lifecycle = List.of(new ParallelLifecycle(), new SparkLifecycle());
        exitWithParent(lifecycle);
        BackgroundLoggingProvider.select();
        PrintStream console = System.err;
        // next: JShell, whose start (javac's first compile) is the longest step before a cell can run and needs
        // nothing of what follows, so that it runs beside the rest of the start where a second core is free
        DebugChannel debugChannel = new DebugChannel();
        CompletableFuture<JShellEvaluator> evaluator = new CompletableFuture<>();
        Debugger debugger = new Debugger(debugChannel, () -> evaluator.join().cellCode());
        CompletableFuture.runAsync(() -> {
            try {
                evaluator.complete(startEvaluator(console, debugger));
            } catch (RuntimeException | Error e) {
                evaluator.completeExceptionally(e);
            }
        });
        configureLogging();
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));

        OutputRouter router = new OutputRouter();
        System.setOut(router.out());
        System.setErr(router.err());
        CallerContext.install(() -> {
            CellOutput cell = router.outputOfCurrentThread();
            return action -> router.runAs(cell, action);
        });

        try (KernelConnection connection = new KernelConnection(properties); debugger) {
            connection.handle(MessageType.KERNEL_INFO_REQUEST, KernelInfo::reply);
            connection.connect();
            debugChannel.connect(connection.iopub(), new DebugRequests(debugger));
            connection.handle(DebugChannel.DEBUG_REQUEST, debugChannel::handle);
            JavaParallelKernel kernel = new JavaParallelKernel(evaluator, router, magics(), new CellHistory(),
                    lifecycle, debugger);

            kernel.connect(connection);
            connection.allHandlersRegistered();
            interruptOnSigint(kernel);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> lifecycle.forEach(KernelLifecycle::shutdown)));
            connection.awaitShutdownRequest();
        }
        exit();
    }

    /** JShell with the start-up snippets run, the cell classes it defines probed by the debugger. */
    private static JShellEvaluator startEvaluator(PrintStream console, Debugger debugger) {
        JShellEvaluator started = JShellEvaluator.start(STARTUP, CompileClassPath.narrowedTo(CellApiJars::contains),
                console, SparkSessions.shared()::onCellThread, debugger);
        CellCodeRegistry.install(started.cellCode());
        installedSources().forEach(started::addSources);
        return started;
    }

    /**
     * The sources jars of the kernel's API, for inspect's javadoc: install.sh puts them in {@code src}, beside the
     * {@code lib} folder that holds the kernel's jar. None when the kernel runs from a build folder.
     */
    private static List<Path> installedSources() {
        try {
            Path lib = Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            try (Stream<Path> jars = Files.list(lib.resolveSibling("src"))) {
                return jars.filter(jar -> jar.toString().endsWith("-sources.jar")).toList();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static MagicRegistry magics() {
        return new MagicRegistry().register(
                new LsMagic(),
                new BackendMagic(),
                new SparkMagic(),
                new ResourcesMagic(),
                new TimeMagic(Backends::workerCpuNanos, () -> Backends.current().size()),
                new TimeitMagic(),
                ClasspathMagic.classpath(),
                ClasspathMagic.jars(),
                new MavenMagic(),
                new EnvMagic());
    }

    /**
     * Ends the JVM even when cells left non-daemon threads running. A shutdown hook a cell registered gets a
     * few seconds; then the JVM halts.
     */
    private static void exit() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // halting now is what the watchdog is for
            }
            Runtime.getRuntime().halt(0);
        }, "exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(0);
    }

    /**
     * Jupyter names its own process in JPY_PARENT_PID: when that process dies without shutting the kernel
     * down, the kernel stops its workers and exits instead of living on as an orphan.
     */
    private static void exitWithParent(List<KernelLifecycle> lifecycle) {
        String parent = System.getenv("JPY_PARENT_PID");
        if (parent == null || !parent.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent)).ifPresent(handle -> handle.onExit().thenRun(() -> {
            lifecycle.forEach(KernelLifecycle::shutdown);
            Runtime.getRuntime().halt(0);
        }));
    }

    private static void configureLogging() {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.WARNING);
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
    }

    @SuppressWarnings("restriction")
    private static void interruptOnSigint(JavaParallelKernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException noSignals) {
            Logger.getLogger(KernelMain.class.getName()).warning("SIGINT cannot be handled here: " + noSignals);
        }
    }
}
