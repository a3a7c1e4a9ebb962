package org.javaparallel.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
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
     * @throws SparkStartException if it is that cluster's URL but its secret cannot be read or is empty
     */
    Optional<String> secretFor(MasterUrl master) {
        Path url = stateDirectory.resolve("master-url");
        String runningMaster;
        try {
            if (!Files.isRegularFile(url)) {
                return Optional.empty();
            }
            runningMaster = Files.readString(url).strip();
        } catch (IOException e) {
            throw new SparkStartException("cannot read " + url + ", the URL of the cluster of start-local-cluster.sh"
                    + " (" + e.getMessage() + ")", e);
        }
        if (!runningMaster.equals(master.url())) {
            return Optional.empty();
        }
        String secret;
        try {
            secret = Files.readString(secretFile()).strip();
        } catch (IOException e) {
            throw unreadable(master, e);
        }
        if (secret.isEmpty()) {
            throw unreadable(master, null);
        }
        return Optional.of(secret);
    }

    /**
     * What to add to the message about a master that refused the kernel's driver: where the kernel looked for the
     * secret, when {@code master} may be this script's cluster; empty otherwise.
     */
    String refusalHint(MasterUrl master) {
        if (!mayBeLocalCluster(master)) {
            return "";
        }
        return " (the kernel reads the secret of a cluster of start-local-cluster.sh itself, from " + secretFile()
                + ", where the script wrote it unless it ran with another " + DIRECTORY_ENV + ")";
    }

    /** Whether {@code master} is on this machine's loopback, where start-local-cluster.sh starts its cluster. */
    static boolean mayBeLocalCluster(MasterUrl master) {
        return master.isStandalone() && master.standaloneAddresses().stream()
                .map(InetSocketAddress::getHostString)
                .anyMatch(host -> host.equals("127.0.0.1") || host.equals("localhost"));
    }

    private SparkStartException unreadable(MasterUrl master, IOException cause) {
        return new SparkStartException(master.url() + " is the cluster of start-local-cluster.sh, but its secret "
                + secretFile() + (cause == null ? " is empty" : " cannot be read") + ": stop the cluster with"
                + " stop-local-cluster.sh and start it again", cause);
    }
}
