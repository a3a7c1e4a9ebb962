package org.javaparallel.parallel.engine;

import org.javaparallel.parallel.Pair;
import org.javaparallel.parallel.SerializableBiFunction;
import org.javaparallel.parallel.SerializableCallable;
import org.javaparallel.parallel.SerializableFunction;

/** Turns starmap and apply tasks into the one-argument functions that chunks carry. */
public final class TaskAdapters {
    private TaskAdapters() {
    }

    /**
     * Calls the two-argument function with the pair's parts.
     *
     * @param fn the starmap function
     * @serial exclude
     */
    public record Spread(SerializableBiFunction<Object, Object, Object> fn) implements SerializableFunction<Object, Object> {
        @Override
        public Object apply(Object pair) {
            Pair<?, ?> args = (Pair<?, ?>) pair;
            return fn.apply(args.first(), args.second());
        }
    }

    /**
     * Ignores its single (null) item and calls the task.
     *
     * @param task the apply or submit task
     * @serial exclude
     */
    public record Call(SerializableCallable<?> task) implements SerializableFunction<Object, Object> {
        @Override
        public Object apply(Object ignored) {
            try {
                return task.call();
            } catch (Exception e) {
                throw Call.<RuntimeException>rethrow(e);
            }
        }

        // Rethrows a checked exception unchanged, so the caller sees the task's own exception type.
        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E rethrow(Throwable t) throws E {
            throw (E) t;
        }
    }

    /**
     * The object whose code a task runs: what code shipping scans for top-level variables.
     *
     * @param task the function a chunk carries
     * @return the user's function or task inside it, else {@code task} itself
     */
    public static Object userCode(Object task) {
        if (task instanceof Spread spread) {
            return spread.fn();
        }
        if (task instanceof Call call) {
            return call.task();
        }
        return task;
    }

    @SuppressWarnings("unchecked")
    static SerializableFunction<Object, Object> erase(SerializableFunction<?, ?> fn) {
        return (SerializableFunction<Object, Object>) fn;
    }

    @SuppressWarnings("unchecked")
    static Spread spread(SerializableBiFunction<?, ?, ?> fn) {
        return new Spread((SerializableBiFunction<Object, Object, Object>) fn);
    }
}
