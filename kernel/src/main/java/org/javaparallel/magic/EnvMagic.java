package org.javaparallel.magic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code %env}, {@code %env NAME}, {@code %env NAME=value}: a JVM cannot change its own environment, so values
 * set here are kept by the kernel, passed to worker JVMs it starts later, and readable from cells with
 * {@code EnvMagic.get(name)}; reading falls back to the real environment.
 */
public final class EnvMagic implements Magic {
    private static final Map<String, String> OVERRIDES = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String usage() {
        return "%env [NAME[=value]] — show or set environment variables (for worker JVMs started later)";
    }

    public static String get(String name) {
        return OVERRIDES.getOrDefault(name, System.getenv(name));
    }

    /** The environment as worker JVMs should see it. */
    public static Map<String, String> overrides() {
        return Map.copyOf(OVERRIDES);
    }

    @Override
    public void line(String args, MagicContext context) {
        String spec = args.strip();
        if (spec.isEmpty()) {
            Map<String, String> all = new TreeMap<>(System.getenv());
            all.putAll(OVERRIDES);
            all.forEach((name, value) -> context.out().println(name + "=" + value));
            return;
        }
        int equals = spec.indexOf('=');
        if (equals < 0) {
            String value = get(spec);
            if (value == null) {
                throw new MagicUsageException("%env: " + spec + " is not set; set it with %env " + spec + "=value");
            }
            context.out().println(value);
            return;
        }
        String name = spec.substring(0, equals).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MagicUsageException("%env: '" + name + "' is not a valid variable name");
        }
        String value = spec.substring(equals + 1).strip();
        OVERRIDES.put(name, value);
        System.setProperty("env." + name, value);
        context.out().println("env: " + name + "=" + value);
    }
}
