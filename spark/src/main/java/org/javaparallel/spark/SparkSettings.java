package org.javaparallel.spark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings a new SparkSession starts with: the course's spark-defaults.conf (found through
 * {@value #CONF_PROPERTY} or {@value #CONF_ENV}, a directory holding it or the file itself) overlaid with
 * what the user set through {@code %spark conf key=value}.
 */
public final class SparkSettings {
    /** The environment variable that locates spark-defaults.conf, when {@value #CONF_PROPERTY} is not set. */
    public static final String CONF_ENV = "JAVA_PARALLEL_SPARK_CONF";
    /** The system property that locates spark-defaults.conf; it wins over {@value #CONF_ENV}. */
    public static final String CONF_PROPERTY = "javaparallel.spark.conf";
    static final String DEFAULTS_FILE = "spark-defaults.conf";
    static final String DEFAULT_MASTER = "local[*]";

    private final Optional<Path> defaultsFile;
    private final Map<String, String> defaults;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private SparkSettings(Optional<Path> defaultsFile, Map<String, String> defaults) {
        this.defaultsFile = defaultsFile;
        this.defaults = defaults;
    }

    /**
     * Reads the defaults from the location the kernel install or the user configured, if any.
     *
     * @return the settings, with no defaults when no location is configured or no file is there
     * @throws java.io.UncheckedIOException if the defaults file exists but cannot be read
     */
    public static SparkSettings fromEnvironment() {
        String location = System.getProperty(CONF_PROPERTY, System.getenv(CONF_ENV));
        return location == null || location.isBlank() ? of(Optional.empty()) : of(Optional.of(Path.of(location)));
    }

    /**
     * {@code location} is a spark-defaults.conf file or the directory holding one.
     *
     * @param location the file or directory; empty for no defaults
     * @return the settings, with no defaults when no file is there
     * @throws java.io.UncheckedIOException if the defaults file exists but cannot be read
     */
    public static SparkSettings of(Optional<Path> location) {
        Optional<Path> file = location.map(path -> Files.isDirectory(path) ? path.resolve(DEFAULTS_FILE) : path);
        return new SparkSettings(file.filter(Files::isRegularFile), file.filter(Files::isRegularFile)
                .map(SparkSettings::read).orElse(Map.of()));
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Spark defaults " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> values.put(key.strip(), properties.getProperty(key).strip()));
        return Collections.unmodifiableMap(values);
    }

    void set(String key, String value) {
        if (key == null || key.isBlank() || key.contains(" ")) {
            throw new IllegalArgumentException("'" + key + "' is not a Spark setting name: use %spark conf key=value, "
                    + "e.g. %spark conf spark.executor.memory=2g");
        }
        overrides.put(key.strip(), value == null ? "" : value.strip());
    }

    /**
     * Defaults overlaid with the user's settings.
     *
     * @return an unmodifiable copy, never null
     */
    public Map<String, String> effective() {
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(overrides);
        return Collections.unmodifiableMap(all);
    }

    /**
     * What the user set through {@code %spark conf}, in the order it was set.
     *
     * @return an unmodifiable view, never null
     */
    public Map<String, String> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /**
     * The master a new session uses: {@code spark.master} of the effective settings, else {@code local[*]}.
     *
     * @return the master, never null
     */
    public String master() {
        return effective().getOrDefault("spark.master", DEFAULT_MASTER);
    }

    /**
     * The configuration directory (spark-defaults.conf, log4j2.properties), when one was found.
     *
     * @return the directory, or empty when no defaults file was found
     */
    public Optional<Path> directory() {
        return defaultsFile.map(Path::toAbsolutePath).map(Path::getParent);
    }

    /**
     * The installed SLURM job script that starts a Spark cluster: {@code spark-home/conf/slurm/spark-cluster.sbatch}
     * next to the configuration directory (install.sh puts both under {@code <prefix>/share/java-parallel}). Only a
     * copy inside a spark-home works: the job finds Spark's jars in the directory above conf/.
     *
     * @return the script, or empty when the kernel was not installed with a spark-home
     */
    public Optional<Path> clusterJobScript() {
        String script = "conf/slurm/spark-cluster.sbatch";
        return directory().stream()
                .flatMap(conf -> java.util.stream.Stream.of(conf.getParent(), conf.resolveSibling("spark-home")))
                .filter(home -> Files.isDirectory(home.resolve("jars")))
                .map(home -> home.resolve(script))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /**
     * The spark-defaults.conf the defaults came from.
     *
     * @return the file, or empty when none was found
     */
    public Optional<Path> defaultsFile() {
        return defaultsFile;
    }
}
