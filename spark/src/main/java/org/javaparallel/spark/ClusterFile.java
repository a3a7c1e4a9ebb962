package org.javaparallel.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file a running SLURM Spark cluster job (spark-conf/slurm/spark-cluster.sbatch) writes for the
 * kernel: {@code key=value} lines {@code master=}, {@code ui=}, {@code secret_file=}, {@code job_id=}.
 * It lives in {@code $JAVA_PARALLEL_STATE_DIR/spark-master}, by default {@code ~/.java-parallel/spark-master},
 * and the job removes it when it ends.
 */
public record ClusterFile(String master, String ui, Path secretFile, String jobId) {

    public static final String FILE_NAME = "spark-master";
    public static final String STATE_DIR_ENV = "JAVA_PARALLEL_STATE_DIR";

    public ClusterFile {
        if (!master.startsWith("spark://")) {
            throw new IllegalArgumentException("master must be a spark:// URL, got '" + master + "'");
        }
    }

    /** The cluster of the running job, or empty when no cluster job is running. */
    public static Optional<ClusterFile> read() {
        return read(defaultLocation());
    }

    /** Like {@link #read()}, but failing with a message that tells the user how to start a cluster. */
    public static ClusterFile require() {
        Path file = defaultLocation();
        return read(file).orElseThrow(() -> new IllegalStateException(absenceMessage(file)));
    }

    public static Optional<ClusterFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(file, Files.readAllLines(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Spark cluster file " + file, e);
        }
    }

    public static Path defaultLocation() {
        String stateDir = System.getenv(STATE_DIR_ENV);
        Path dir = stateDir == null || stateDir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".java-parallel")
                : Path.of(stateDir);
        return dir.resolve(FILE_NAME);
    }

    public static String absenceMessage(Path file) {
        return "no Spark cluster job is running: submit spark-conf/slurm/spark-cluster.sbatch"
                + " (sbatch --nodes=N --cpus-per-task=C spark-conf/slurm/spark-cluster.sbatch)"
                + " and wait for " + file + " to appear (squeue --me shows the job RUNNING)";
    }

    /** The shared secret of the cluster (spark.authenticate.secret), read from {@link #secretFile()}. */
    public String secret() {
        try {
            return Files.readString(secretFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Spark cluster secret " + secretFile
                    + " of job " + jobId + " (is the job still running?)", e);
        }
    }

    private static ClusterFile parse(Path file, List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return new ClusterFile(value(file, values, "master"), value(file, values, "ui"),
                Path.of(value(file, values, "secret_file")), value(file, values, "job_id"));
    }

    private static String value(Path file, Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("the Spark cluster file " + file + " has no '" + key
                    + "=' line; it was written by an incomplete or older cluster job: scancel that job"
                    + " and submit spark-conf/slurm/spark-cluster.sbatch again");
        }
        return value;
    }
}
