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
 *
 * @param master the master's URL, {@code spark://host:port}
 * @param ui the address of the master's web UI, with the token that opens it ({@code ?token=})
 * @param secretFile the file that holds the cluster's shared secret
 * @param jobId the Slurm job id of the cluster job
 */
public record ClusterFile(String master, String ui, Path secretFile, String jobId) {

    /** The file's name in the state directory. */
    public static final String FILE_NAME = "spark-master";
    /** The environment variable that moves the state directory away from {@code ~/.java-parallel}. */
    public static final String STATE_DIR_ENV = "JAVA_PARALLEL_STATE_DIR";

    /**
     * Checks the master's URL.
     *
     * @param master the master's URL, {@code spark://host:port}; not null
     * @param ui the address of the master's web UI
     * @param secretFile the file that holds the cluster's shared secret
     * @param jobId the Slurm job id of the cluster job
     * @throws IllegalArgumentException if {@code master} is not a {@code spark://} URL
     * @throws NullPointerException if {@code master} is null
     */
    public ClusterFile {
        if (!master.startsWith("spark://")) {
            throw new IllegalArgumentException("master must be a spark:// URL, got '" + master + "'");
        }
    }

    /**
     * The cluster of the running job, or empty when no cluster job is running.
     *
     * @return the cluster, or empty when the file at {@link #defaultLocation()} is absent
     * @throws IllegalStateException if the file lacks one of its lines
     * @throws java.io.UncheckedIOException if the file exists but cannot be read
     */
    public static Optional<ClusterFile> read() {
        return read(defaultLocation());
    }

    /**
     * Like {@link #read()}, but failing with a message that tells the user how to start a cluster.
     *
     * @return the cluster of the running job, never null
     * @throws IllegalStateException if no cluster job is running, or its file lacks one of its lines
     * @throws java.io.UncheckedIOException if the file exists but cannot be read
     */
    public static ClusterFile require() {
        Path file = defaultLocation();
        return read(file).orElseThrow(() -> {
            String queued = ClusterJobQueue.describe(ClusterJobQueue.squeue(), jobScript());
            return new IllegalStateException(queued.isEmpty() ? absenceMessage(file, jobScript()) : queued);
        });
    }

    /**
     * The job script to submit, as the user should type it: the installed one when the kernel knows it.
     *
     * @return its path, or a description of where install.sh puts it
     */
    public static String jobScript() {
        return SparkSettings.fromEnvironment().clusterJobScript().map(Path::toString)
                .orElse("<prefix>/share/java-parallel/spark-home/conf/slurm/spark-cluster.sbatch (install.sh makes it;"
                        + " the copy in the clone has no Spark jars next to it)");
    }

    /**
     * Reads a cluster file from {@code file}.
     *
     * @param file where the file is; not null
     * @return the cluster, or empty when {@code file} is not a regular file
     * @throws IllegalStateException if the file lacks one of its lines or its master is not a {@code spark://} URL
     * @throws java.io.UncheckedIOException if the file exists but cannot be read
     */
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

    /**
     * Where a cluster job writes its file: in {@code $JAVA_PARALLEL_STATE_DIR}, else in {@code ~/.java-parallel}.
     *
     * @return the path of the file, which need not exist
     */
    public static Path defaultLocation() {
        return stateDirectory().resolve(FILE_NAME);
    }

    /** The directory of the cluster scripts' state: {@code $JAVA_PARALLEL_STATE_DIR}, else {@code ~/.java-parallel}. */
    static Path stateDirectory() {
        String stateDir = System.getenv(STATE_DIR_ENV);
        return stateDir == null || stateDir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".java-parallel")
                : Path.of(stateDir);
    }

    /**
     * What to tell a user who asked for the cluster when none runs: how to start one.
     *
     * @param file where the cluster file was looked for
     * @param jobScript the job script to submit, see {@link #jobScript()}
     * @return the message
     */
    public static String absenceMessage(Path file, String jobScript) {
        return "no Spark cluster job is running: submit one with sbatch --nodes=N --cpus-per-task=C " + jobScript
                + " and wait for " + file + " to appear (squeue --me shows the job RUNNING)";
    }

    /**
     * The shared secret of the cluster (spark.authenticate.secret), read from {@link #secretFile()}.
     *
     * @return the secret, without surrounding white space
     * @throws java.io.UncheckedIOException if the secret file cannot be read, e.g. because the job ended
     */
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
                    + " and submit " + jobScript() + " again");
        }
        return value;
    }
}
