package org.javaparallel.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives executor JVMs the driver's values of the cells' top-level variables. JShell keeps those in static fields
 * of wrapper classes assigned when the snippet ran, so in an executor's copy of the classes they are zero/null.
 * Before a task runs (and before its closure is deserialized), the executor side compares the generation the
 * task carries as a local property with the one it holds and, if different, asks the driver for a snapshot and
 * writes it into the wrapper classes of its REPL class loader. Executors that share the driver's JVM (local
 * mode) do nothing: there the fields are the user's live objects.
 */
public final class CellStatePlugin implements SparkPlugin {
    /** Local property carrying the state generation of the job's cell. */
    public static final String GENERATION_PROPERTY = "javaparallel.state.version";
    private static final String DRIVER_EXECUTOR_ID = "driver";

    @Override
    public DriverPlugin driverPlugin() {
        return new DriverSide();
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorSide();
    }

    static final class DriverSide implements DriverPlugin {
        @Override
        public Map<String, String> init(SparkContext sc, PluginContext pluginContext) {
            return Map.of();
        }

        @Override
        public Object receive(Object message) {
            return CellState.snapshotFor((Long) message);
        }
    }

    static final class ExecutorSide implements ExecutorPlugin {
        private static final Logger LOG = LoggerFactory.getLogger(ExecutorSide.class);
        private PluginContext context;
        private boolean sharesDriverJvm;
        private long applied = -1;

        @Override
        public void init(PluginContext pluginContext, Map<String, String> extraConf) {
            context = pluginContext;
            sharesDriverJvm = DRIVER_EXECUTOR_ID.equals(pluginContext.executorID());
        }

        @Override
        public void onTaskStart() {
            if (sharesDriverJvm) {
                return;
            }
            String property = TaskContext.get().getLocalProperty(GENERATION_PROPERTY);
            if (property != null) {
                bringUpTo(Long.parseLong(property));
            }
        }

        private synchronized void bringUpTo(long generation) {
            if (generation == applied) {
                return;
            }
            try {
                StateSnapshot snapshot = StateSnapshot.decode((byte[]) context.ask(generation));
                List<String> failed = snapshot.applyTo(Thread.currentThread().getContextClassLoader());
                if (!failed.isEmpty()) {
                    LOG.warn("cell variables left at their defaults on executor {}: {}", context.executorID(), failed);
                }
                applied = generation;
            } catch (Exception e) {
                throw new IllegalStateException("executor " + context.executorID()
                        + " could not get the cells' top-level variables from the driver: " + e, e);
            }
        }
    }
}
