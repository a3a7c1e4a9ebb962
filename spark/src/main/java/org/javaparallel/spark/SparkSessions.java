package org.javaparallel.spark;

import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.javaparallel.display.Html;
import org.javaparallel.display.MimeBundle;
import org.javaparallel.parallel.engine.ObjectBytes;

/**
 * The kernel's one SparkSession (Spark allows one per JVM): started on first use from the course's
 * spark-defaults.conf plus {@code %spark conf} settings, restarted on another master when a backend asks for
 * one, stopped on {@code %spark stop}, backend change, kernel restart and shutdown.
 */
public final class SparkSessions {
    /** Seconds a start may take, including the first executor's launch on a cluster. */
    public static final String START_TIMEOUT_KEY = "spark.javaparallel.startTimeout";
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String LOOPBACK = "127.0.0.1";
    private static final SparkSessions SHARED = new SparkSessions(SparkSettings.fromEnvironment());

    private final SparkSettings settings;
    private final LocalClusterSecret localCluster = LocalClusterSecret.fromEnvironment();
    private final CellJobs cellJobs = new CellJobs();
    private final List<Path> jars = new ArrayList<>();
    private Running running;
    private int leases;
    private final LostMaster lost = new LostMaster();

    private record Running(SparkSession session, JavaSparkContext context, MasterUrl master, SparkProgress progress,
                           Optional<DriverAddress> driver, Optional<MasterWatch> watch, Optional<SparkUi> ui) {
        boolean alive() {
            return !session.sparkContext().isStopped();
        }
    }

    SparkSessions(SparkSettings settings) {
        this.settings = settings;
    }

    /**
     * The kernel's one instance, with the settings of the environment.
     *
     * @return the shared instance, never null
     */
    public static SparkSessions shared() {
        return SHARED;
    }

    /**
     * A jar that cell code uses: executors get it now if a session runs, and sessions started later get it too.
     *
     * @param jar the jar; not null
     */
    public synchronized void addJar(Path jar) {
        if (!jars.contains(jar)) {
            jars.add(jar);
        }
        if (isRunning()) {
            running.context().addJar(jar.toString());
        }
    }

    /**
     * {@code %spark conf key=value}: applies to the next start.
     *
     * @param key the setting's name, e.g. {@code spark.executor.memory}; not blank, no spaces
     * @param value its value; null or empty leaves the setting to Spark, overriding the defaults file
     * @throws IllegalStateException if a session is running
     * @throws IllegalArgumentException if {@code key} is null, blank or contains a space
     */
    public synchronized void configure(String key, String value) {
        if (isRunning()) {
            throw new IllegalStateException("Spark is already running, so '" + key + "' would not take effect: "
                    + "run %spark stop first, then %spark conf " + key + "=" + value + ".");
        }
        settings.set(key, value);
    }

    /**
     * Whether a session runs that was not stopped.
     *
     * @return true while a session runs
     */
    public synchronized boolean isRunning() {
        return running != null && running.alive();
    }

    /**
     * The running session, started with the configured master if there is none.
     *
     * @return the session, never null
     * @throws SparkStartException if a session cannot be started
     */
    public synchronized SparkSession session() {
        if (isRunning()) {
            return running.session();
        }
        // after a lost master, cells that use spark()/sc() keep to that master instead of a local session
        return start(lost.master().orElseGet(() -> new MasterUrl(settings.master()))).session();
    }

    /**
     * A session on {@code master}: a session on another master is stopped first.
     *
     * @param master the master's URL, e.g. {@code local[2]} or {@code spark://node17:7077}; not null
     * @return the session, never null
     * @throws SparkStartException if the master is not valid or a session cannot be started on it
     */
    public synchronized SparkSession session(String master) {
        if (isRunning() && running.master().url().equals(master)) {
            return running.session();
        }
        return start(new MasterUrl(master)).session();
    }

    /**
     * A backend's hold on a session on {@code master}: the session stops when the last lease of it is closed
     * (backend change); a lease whose session was stopped or replaced meanwhile closes without effect.
     *
     * @param master the master's URL; not null
     * @return the lease; close it when the backend ends
     * @throws SparkStartException if the master is not valid or a session cannot be started on it
     */
    public synchronized SessionLease lease(String master) {
        session(master);
        leases++;
        Running leased = running;
        return new SessionLease() {
            @Override
            public boolean isCurrent() {
                synchronized (SparkSessions.this) {
                    return running == leased && leased.alive();
                }
            }

            @Override
            public void close() {
                synchronized (SparkSessions.this) {
                    if (running == leased && --leases == 0) {
                        stop();
                    }
                }
            }
        };
    }

    /**
     * The running session's context, started with the configured master if there is none.
     *
     * @return the context, never null
     * @throws SparkStartException if a session cannot be started
     */
    public synchronized JavaSparkContext context() {
        session();
        return running.context();
    }

    /**
     * The master of the running session.
     *
     * @return the master's URL, or empty when no session runs
     */
    public synchronized Optional<String> master() {
        return isRunning() ? Optional.of(running.master().url()) : Optional.empty();
    }

    /**
     * Whether a session on {@code master} runs its executors as threads of this JVM ({@code local}, {@code local[n]},
     * {@code local[*]}) rather than as JVMs of their own; it starts nothing.
     *
     * @param master a Spark master URL; not null
     * @return true for a local master
     */
    public static boolean executorsInThisJvm(String master) {
        return new MasterUrl(master).sharesDriverJvm();
    }

    /**
     * Whether the running session's executors are other JVMs, which need classes and variables shipped.
     *
     * @return true if a session runs and its executors are not in this JVM
     */
    public synchronized boolean hasRemoteExecutors() {
        return isRunning() && !running.master().sharesDriverJvm();
    }

    /**
     * The cores that run tasks: the executors' cores on a cluster (Spark's defaultParallelism is at least 2, whatever
     * the cluster has), the local threads in local mode.
     *
     * @return the number of cores, at least 1
     * @throws SparkStartException if a session cannot be started
     */
    public synchronized int cores() {
        JavaSparkContext context = context();
        if (running.master().sharesDriverJvm()) {
            return context.defaultParallelism();
        }
        int cores = ExecutorCores.of(context.sc());
        return cores > 0 ? cores : context.defaultParallelism();
    }

    /**
     * The address executors reach the driver at and why it was chosen, on a cluster.
     *
     * @return e.g. "driver at 10.1.2.3 (set by spark.driver.host)", or empty in local mode or when no session runs
     */
    public synchronized Optional<String> driverDescription() {
        return isRunning() ? running.driver().map(DriverAddress::describe) : Optional.empty();
    }

    /**
     * Stops the running session, if any, and forgets its leases and a lost master; the next use starts a new one.
     */
    public synchronized void stop() {
        lost.forget();
        if (running != null) {
            Running stopping = running;
            running = null;
            leases = 0;
            stopping.progress().close();
            stopping.watch().ifPresent(MasterWatch::close);
            stopping.session().stop();
        }
    }

    private synchronized void masterLost(Running session, String reason) {
        if (running == session) {
            running = null;
            leases = 0;
            session.progress().close();
            lost.record(session.master(), reason, session.session());
        }
    }

    /**
     * Called by the kernel before each cell runs: the cell's jobs get a group of their own and fresh variables;
     * {@code cellOutput} runs an action as if in the cell (progress bars of the cell's jobs are shown there).
     *
     * @param cellDescription what the cell's job group is described as
     * @param cellOutput runs actions in the cell's context; not null
     */
    public void beforeCell(String cellDescription, Executor cellOutput) {
        cellJobs.beforeCell(cellDescription, cellOutput);
    }

    /**
     * Called by the kernel at the start of each thread that runs cell code, before the code: Spark keeps the job
     * group and the state generation per thread (threads started later inherit them), so jobs that cell code
     * submits through Spark's own API carry them only if its thread was tagged.
     */
    public void onCellThread() {
        SparkContext sc = runningContext();
        if (sc != null) {
            cellJobs.tagThread(sc);
        }
    }

    /**
     * Called by the pool before each job: the calling thread's jobs join the cell's group, and executors get the
     * top-level variables as they are now, even if the cell changes them while an asynchronous job runs.
     *
     * @throws SparkStartException if a session cannot be started
     */
    public void beforeJob() {
        SparkContext sc = context().sc();
        cellJobs.tagThread(sc);
        if (hasRemoteExecutors()) {
            CellState.snapshotFor(Long.parseLong(sc.getLocalProperty(CellStatePlugin.GENERATION_PROPERTY)));
        }
    }

    /**
     * Top-level variables that executors do not get (not Serializable), with the reason.
     *
     * @return one line per variable, with the reason; empty if all were shipped
     */
    public List<String> unshippedVariables() {
        return CellState.skipped();
    }

    /** Called by the kernel on interrupt: cancels the running cell's jobs; later jobs start at once. */
    public void interruptCell() {
        SparkContext sc = runningContext();
        if (sc != null) {
            cellJobs.cancel(sc);
        }
    }

    private synchronized SparkContext runningContext() {
        return isRunning() ? running.session().sparkContext() : null;
    }

    /** Replaces a running session, if any; a master that does not answer fails before the running one stops. */
    private Running start(MasterUrl master) {
        JavaVersionCheck.requireSupported();
        useLogConfiguration();
        String uiToken = SparkUi.newToken();
        SparkConf conf = conf(master, uiToken);
        Duration timeout = startTimeout(conf);
        Optional<DriverAddress> driver = Optional.empty();
        if (master.isStandalone()) {
            // fails at once on a master that does not answer, instead of Spark's minute of retries
            InetAddress towardsMaster = probe(master, timeout);
            driver = Optional.of(DriverAddress.choose(settings.effective(), towardsMaster, master));
            conf.set(DriverAddress.HOST_KEY, driver.get().host());
        }
        lost.awaitStop();
        stop();
        SparkSession session = SessionStarter.start(conf, master, CellState.loader(), timeout,
                localCluster.refusalHint(master));
        SparkContext sc = session.sparkContext();
        Optional<SparkUi> ui = Optional.<String>ofNullable(sc.uiWebUrl().getOrElse(() -> null))
                .map(url -> new SparkUi(url, uiToken));
        SparkProgress progress = new SparkProgress(ui, cellJobs::outputOf);
        sc.addSparkListener(progress);
        Optional<MasterWatch> watch = Optional.ofNullable(master.isStandalone() ? new MasterWatch(master) : null);
        Running started = new Running(session, JavaSparkContext.fromSparkContext(sc), master, progress, driver, watch,
                ui);
        watch.ifPresent(w -> w.start(reason -> masterLost(started, reason)));
        running = started;
        cellJobs.tagThread(sc);
        return running;
    }

    private SparkConf conf(MasterUrl master, String uiToken) {
        SparkConf conf = new SparkConf(false);
        // an empty value (%spark conf key=) leaves the setting to Spark, e.g. to undo a spark.driver.host
        settings.effective().forEach((key, value) -> {
            if (!value.isBlank()) {
                conf.set(key, value);
            }
        });
        conf.setMaster(master.url());
        conf.setIfMissing("spark.app.name", "java-parallel");
        conf.set("spark.plugins", append(conf.get("spark.plugins", ""), ",", CellStatePlugin.class.getName()));
        // the UI answers only requests that carry the token (after any filters the user set)
        conf.set("spark.ui.filters", append(conf.get("spark.ui.filters", ""), ",", UiTokenFilter.class.getName()));
        conf.set(UiTokenFilter.TOKEN_SETTING, uiToken);
        jars.forEach(jar -> conf.set("spark.jars", append(conf.get("spark.jars", ""), ",", jar.toString())));
        CellState.classDirectory().ifPresent(directory ->
                conf.set("spark.repl.class.outputDir", directory.toAbsolutePath().toString()));
        if (master.sharesDriverJvm()) {
            // the executors are in this JVM, so nothing outside it needs the driver: it listens on loopback only, and
            // a connection there must know the secret Spark makes for the session (other users of a login node
            // reach loopback too). Only a value set by %spark conf changes these (an empty one leaves them as here); a
            // cluster's driver follows the cluster's rules
            conf.setIfMissing("spark.driver.bindAddress", LOOPBACK);
            conf.setIfMissing(DriverAddress.HOST_KEY, LOOPBACK);
            conf.setIfMissing("spark.authenticate", "true");
        } else {
            // a cluster of start-local-cluster.sh requires its secret, which only its owner can read
            localCluster.secretFor(master).ifPresent(secret -> {
                conf.setIfMissing("spark.authenticate", "true");
                conf.setIfMissing("spark.authenticate.secret", secret);
            });
            // executors load the state plugin at start, before any class can be fetched from the driver; it needs
            // this module's jar and the core library's (the variable snapshot's serialization)
            for (Class<?> code : List.of(CellStatePlugin.class, ObjectBytes.class)) {
                conf.set("spark.executor.extraClassPath", append(conf.get("spark.executor.extraClassPath", ""),
                        java.io.File.pathSeparator, codeLocation(code)));
            }
        }
        return conf;
    }

    /** The local address of a connection to the master; a lost master's failure says what happened first. */
    private InetAddress probe(MasterUrl master, Duration timeout) {
        try {
            return master.requireReachable(PROBE_TIMEOUT.compareTo(timeout) < 0 ? PROBE_TIMEOUT : timeout);
        } catch (SparkStartException unreachable) {
            throw lost.explain(master, unreachable);
        }
    }

    private static Duration startTimeout(SparkConf conf) {
        String value = conf.get(START_TIMEOUT_KEY, "");
        if (value.isBlank()) {
            return DEFAULT_START_TIMEOUT;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip().replaceFirst("s$", "")));
        } catch (NumberFormatException e) {
            throw new SparkStartException(START_TIMEOUT_KEY + "=" + value + " is not a number of seconds, e.g. 30s");
        }
    }

    private static String append(String list, String separator, String entry) {
        return list.isBlank() ? entry : list + separator + entry;
    }

    private static String codeLocation(Class<?> code) {
        try {
            return Path.of(code.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + code.getName(), e);
        }
    }

    /** Spark logs through log4j2; the course's configuration keeps its INFO chatter out of cell outputs. */
    private void useLogConfiguration() {
        settings.directory().map(directory -> directory.resolve("log4j2.properties")).filter(Files::isRegularFile)
                .filter(file -> System.getProperty("log4j2.configurationFile") == null)
                .ifPresent(file -> System.setProperty("log4j2.configurationFile", file.toString()));
    }

    /**
     * What {@code %spark} shows.
     *
     * @return the status, one fact per line
     */
    public synchronized String status() {
        return String.join("\n", statusLines().values());
    }

    /**
     * {@link #status()} with a clickable Spark UI link.
     *
     * @return the status as text and HTML
     */
    public synchronized MimeBundle statusBundle() {
        Map<String, String> lines = statusLines();
        String html = lines.entrySet().stream()
                .map(line -> line.getKey().equals("ui")
                        ? "Spark UI: " + ui().map(sparkUi -> "<a href=\"" + Html.escape(sparkUi.home())
                        + "\" target=\"_blank\">" + Html.escape(sparkUi.url()) + "</a>").orElse("")
                        : Html.escape(line.getValue()))
                .collect(Collectors.joining("<br>"));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div>" + html + "</div>");
        bundle.put("text/plain", String.join("\n", lines.values()));
        return new MimeBundle(bundle);
    }

    private Optional<SparkUi> ui() {
        return isRunning() ? running.ui() : Optional.empty();
    }

    private Map<String, String> statusLines() {
        Map<String, String> lines = new LinkedHashMap<>();
        if (isRunning()) {
            SparkContext sc = running.session().sparkContext();
            lines.put("state", "Spark " + sc.version() + " running on " + running.master().url()
                    + ", application " + sc.applicationId());
            lines.put("executors", "executors: " + (sc.statusTracker().getExecutorInfos().length - 1)
                    + (running.master().sharesDriverJvm() ? " (in this JVM)" : "")
                    + ", default parallelism " + sc.defaultParallelism());
            running.driver().ifPresent(driver -> lines.put("driver", driver.describe()));
            ui().ifPresent(sparkUi -> lines.put("ui", "Spark UI: " + sparkUi.home()));
        } else {
            lines.put("state", "Spark is not running; it starts on first use of spark()/sc() or a Spark backend, "
                    + "with master " + settings.master() + ".");
        }
        lines.put("defaults", settings.defaultsFile().map(file -> "defaults: " + file)
                .orElse("defaults: none found (set " + SparkSettings.CONF_ENV + " to the spark-conf directory)"));
        if (!settings.overrides().isEmpty()) {
            lines.put("overrides", "%spark conf: " + settings.overrides().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", ")));
        }
        return lines;
    }

}
