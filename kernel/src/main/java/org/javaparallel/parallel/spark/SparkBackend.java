package org.javaparallel.parallel.spark;

import org.javaparallel.parallel.BackendSpec;
import org.javaparallel.parallel.Backends;
import org.javaparallel.parallel.Pool;
import org.javaparallel.spark.ClusterFile;
import org.javaparallel.spark.SparkSessions;

/**
 * The Spark backend's entry point for the kernel: {@link #register()} once at start, then pools for
 * {@code spark local[n]}, {@code spark spark://host:port} and {@code spark auto}.
 */
public final class SparkBackend {
    private static final KernelCellCode CELL_CODE = new KernelCellCode();

    private SparkBackend() {
    }

    /**
     * Lets Spark sessions serve cell classes and top-level variables to executors, and makes the Spark specs
     * of {@code %backend} create Spark pools.
     */
    public static void register() {
        SparkSessions.shared().useCellCode(CELL_CODE);
        Backends.registerFactory(BackendSpec.SparkLocal.class, spec -> local(((BackendSpec.SparkLocal) spec).n()));
        Backends.registerFactory(BackendSpec.SparkMaster.class,
                spec -> onMaster(((BackendSpec.SparkMaster) spec).url()));
        Backends.registerFactory(BackendSpec.SparkAuto.class, spec -> auto());
    }

    /** A pool on {@code local[n]}. */
    public static Pool local(int n) {
        return onMaster("local[" + n + "]");
    }

    /** A pool on a standalone master, e.g. {@code spark://node17:7077}. */
    public static Pool onMaster(String url) {
        return new SparkPool(SparkSessions.shared(), url, CELL_CODE.loader());
    }

    /**
     * {@code %backend spark slurm}: a pool on the cluster that the SLURM job {@code spark-cluster.sbatch}
     * started, found through the master file it writes (like Ray's {@code address="auto"}); the job's
     * authentication secret is used for the session.
     */
    public static Pool auto() {
        ClusterFile cluster = ClusterFile.require();
        SparkSessions sessions = SparkSessions.shared();
        if (!sessions.isRunning()) {
            sessions.configure("spark.authenticate", "true");
            sessions.configure("spark.authenticate.secret", cluster.secret());
        }
        return onMaster(cluster.master());
    }
}
