package org.javaparallel.parallel.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Environment variables for worker JVMs started from now on. A JVM cannot change its own environment, so
 * values set here (by {@code %env NAME=value}) are added to the environment of each worker JVM it starts.
 */
public final class WorkerEnvironment {
    private static final Map<String, String> OVERRIDES = new ConcurrentHashMap<>();

    private WorkerEnvironment() {
    }

    /**
     * Sets a variable for the worker JVMs started from now on.
     *
     * @param name the variable's name; not null
     * @param value its value; not null
     * @throws NullPointerException if {@code name} or {@code value} is null
     */
    public static void set(String name, String value) {
        OVERRIDES.put(name, value);
    }

    /**
     * Worker JVMs started from now on see the kernel's own value again.
     *
     * @param name the variable's name; not null
     */
    public static void unset(String name) {
        OVERRIDES.remove(name);
    }

    /**
     * The value a worker JVM started now would see.
     *
     * @param name the variable's name; not null
     * @return the value set here, else the kernel's own; null if neither has it
     */
    public static String get(String name) {
        return OVERRIDES.getOrDefault(name, System.getenv(name));
    }

    /**
     * The variables set here, to add to a new worker JVM's environment.
     *
     * @return an unmodifiable copy, never null
     */
    public static Map<String, String> overrides() {
        return Map.copyOf(OVERRIDES);
    }
}
