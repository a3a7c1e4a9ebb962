package org.javaparallel.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The secret of the standalone cluster that spark-conf/start-local-cluster.sh started on this machine. The script
 * keeps its state in a directory ({@code master-url}, {@code secret}, readable only by its owner); a session on
 * that master's URL authenticates with the secret, so that the user need not copy it into {@code %spark conf}.
 *
 * @param stateDirectory the script's state directory, which need not exist
 */
record LocalClusterSecret(Path stateDirectory) {
    /** The variable that moves the script's state directory, as the script reads it. */
    static final String DIRECTORY_ENV = "JAVA_PARALLEL_LOCAL_CLUSTER_DIR";

    /** The state directory the script uses by default: {@code $JAVA_PARALLEL_STATE_DIR/local-cluster}. */
    static LocalClusterSecret fromEnvironment() {
        String directory = System.getenv(DIRECTORY_ENV);
        return new LocalClusterSecret(directory == null || directory.isBlank()
                ? ClusterFile.stateDirectory().resolve("local-cluster")
                : Path.of(directory));
    }

    /** Where the script keeps the secret of the cluster it runs. */
    Path secretFile() {
        return stateDirectory.resolve("secret");
    }

    /**
     * The cluster's secret if {@code master} is the URL of the cluster the script runs now.
     *
     * @throws SparkStartException if it is that cluster's URL but its secret cannot be read
     */
    Optional<String> secretFor(MasterUrl master) {
        Path url = stateDirectory.resolve("master-url");
        Path secret = secretFile();
        try {
            if (!Files.isRegularFile(url) || !Files.readString(url).strip().equals(master.url())) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(secret).strip());
        } catch (IOException e) {
            throw new SparkStartException(master.url() + " is the cluster of start-local-cluster.sh, but its secret "
                    + secret + " cannot be read: stop the cluster with stop-local-cluster.sh and start it again", e);
        }
    }
}
