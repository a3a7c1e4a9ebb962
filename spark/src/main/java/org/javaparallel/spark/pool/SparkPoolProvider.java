package org.javaparallel.spark.pool;

import org.javaparallel.parallel.BackendSpec;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.PoolProvider;
import org.javaparallel.parallel.spi.CellCodeRegistry;
import org.javaparallel.spark.ClusterFile;
import org.javaparallel.spark.SparkSessions;

/**
 * The Spark engine, found by {@link java.util.ServiceLoader}: pools for {@code spark local[n]},
 * {@code spark spark://host:port} and {@code spark auto} (the SLURM cluster's master file) on the shared
 * session, with the cells' classes and top-level variables served to executors.
 */
public final class SparkPoolProvider implements PoolProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public SparkPoolProvider() {
    }

    @Override
    public boolean supports(BackendSpec spec) {
        return spec instanceof BackendSpec.SparkLocal || spec instanceof BackendSpec.SparkMaster
                || spec instanceof BackendSpec.SparkAuto;
    }

    @Override
    public Pool create(BackendSpec spec) {
        if (spec instanceof BackendSpec.SparkLocal local) {
            return onMaster("local[" + local.n() + "]");
        }
        if (spec instanceof BackendSpec.SparkMaster master) {
            return onMaster(master.url());
        }
        if (spec instanceof BackendSpec.SparkAuto) {
            return auto();
        }
        throw new IllegalArgumentException("not a Spark backend: " + spec);
    }

    private static Pool onMaster(String url) {
        return new SparkPool(SparkSessions.shared(), url, CellCodeRegistry.loader());
    }

    /**
     * {@code %backend spark slurm}: a pool on the cluster that the SLURM job {@code spark-cluster.sbatch}
     * started, found through the master file it writes (like Ray's {@code address="auto"}); the job's
     * authentication secret and encrypted RPC are used for the session.
     */
    private static Pool auto() {
        ClusterFile cluster = ClusterFile.require();
        SparkSessions sessions = SparkSessions.shared();
        if (!sessions.isRunning()) {
            sessions.configure("spark.authenticate", "true");
            sessions.configure("spark.authenticate.secret", cluster.secret());
            sessions.configure("spark.network.crypto.enabled", "true"); // the job's daemons require it
        }
        return onMaster(cluster.master());
    }
}
