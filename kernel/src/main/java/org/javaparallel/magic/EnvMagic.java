package org.javaparallel.magic;

import java.util.Map;
import java.util.TreeMap;
import org.javaparallel.parallel.spi.WorkerEnvironment;

/**
 * {@code %env}, {@code %env NAME}, {@code %env NAME=value}: a JVM cannot change its own environment, so values
 * set here go to the environment of worker JVMs started later ({@link WorkerEnvironment}); cells read them with
 * {@code WorkerEnvironment.get(name)}, which falls back to the kernel's own environment.
 */
public final class EnvMagic implements Magic {
    @Override
    public String name() {
        return "env";
    }

    @Override
    public String usage() {
        return "%env [NAME[=value]] — show or set environment variables (for worker JVMs started later)";
    }

    @Override
    public void line(String args, MagicContext context) {
        String spec = args.strip();
        if (spec.isEmpty()) {
            Map<String, String> all = new TreeMap<>(System.getenv());
            all.putAll(WorkerEnvironment.overrides());
            all.forEach((name, value) -> context.out().println(name + "=" + value));
            return;
        }
        int equals = spec.indexOf('=');
        if (equals < 0) {
            String value = WorkerEnvironment.get(spec);
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
        WorkerEnvironment.set(name, value);
        context.out().println("env: " + name + "=" + value);
    }
}
