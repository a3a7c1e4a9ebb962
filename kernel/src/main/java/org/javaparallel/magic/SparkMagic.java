package org.javaparallel.magic;

import org.javaparallel.display.Display;
import org.javaparallel.spark.SparkSessions;

/**
 * {@code %spark}: show the Spark session (master, executors, UI link); {@code %spark conf key=value} sets a
 * configuration value for the next session start; {@code %spark stop} stops the session.
 */
public final class SparkMagic implements Magic {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String usage() {
        return "%spark [conf key=value | stop] — show, configure or stop the Spark session"
                + " (cells use spark() and sc())";
    }

    @Override
    public void line(String args, MagicContext context) {
        String[] words = args.strip().split("\\s+", 2);
        SparkSessions sessions = SparkSessions.shared();
        switch (words[0]) {
            case "" -> Display.display(sessions.statusBundle());
            case "stop" -> {
                sessions.stop();
                context.out().println("Spark session stopped.");
            }
            case "conf" -> {
                if (words.length < 2 || !words[1].contains("=")) {
                    throw new MagicUsageException("%spark conf needs key=value, e.g. %spark conf spark.executor.memory=2g");
                }
                String[] pair = words[1].split("=", 2);
                sessions.configure(pair[0].strip(), pair[1].strip());
                context.out().println("set " + pair[0].strip() + "=" + pair[1].strip() + " for the next session start");
            }
            default -> throw new MagicUsageException("%spark does not know '" + words[0]
                    + "'; use %spark, %spark conf key=value or %spark stop");
        }
    }
}
