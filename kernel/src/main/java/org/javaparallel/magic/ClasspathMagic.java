package org.javaparallel.magic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.javaparallel.parallel.spi.WorkerClasspath;
import org.javaparallel.spark.SparkSessions;

/**
 * {@code %classpath path[:path...]} and {@code %jars path-or-dir...}: add jars or class directories to the
 * classpath of cell code, of worker JVMs and (jars) of Spark executors. A directory given to {@code %jars} adds
 * every jar in it.
 */
public final class ClasspathMagic implements Magic {
    private final String name;

    private ClasspathMagic(String name) {
        this.name = name;
    }

    public static ClasspathMagic classpath() {
        return new ClasspathMagic("classpath");
    }

    public static ClasspathMagic jars() {
        return new ClasspathMagic("jars");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name.equals("jars")
                ? "%jars <jar or directory of jars>... — add jars to the cell classpath"
                : "%classpath <entry>[" + File.pathSeparator + "<entry>...] — add jars/class directories";
    }

    @Override
    public void line(String args, MagicContext context) throws Exception {
        if (args.isBlank()) {
            context.out().println("java.class.path = " + System.getProperty("java.class.path"));
            return;
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : args.trim().split(name.equals("jars") ? "\\s+" : File.pathSeparator)) {
            Path path = homeExpanded(entry);
            if (!Files.exists(path)) {
                throw new MagicUsageException("%" + name + ": " + path + " does not exist; give the path of a jar"
                        + " or a directory");
            }
            if (name.equals("jars") && Files.isDirectory(path)) {
                try (Stream<Path> jars = Files.list(path)) {
                    jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(entries::add);
                }
            } else {
                entries.add(path);
            }
        }
        addEverywhere(entries, context);
    }

    /** Adds jars or class directories to cell code, worker JVMs and (jars) Spark executors, a line for each. */
    /** A path as typed, with a leading {@code ~} for the home directory. */
    static Path homeExpanded(String typed) {
        return Path.of(typed.replaceFirst("^~", System.getProperty("user.home")));
    }

    static void addEverywhere(List<Path> entries, MagicContext context) {
        for (Path entry : entries) {
            Path absolute = entry.toAbsolutePath().normalize();
            context.addToClasspath(absolute);
            WorkerClasspath.add(absolute);
            if (Files.isRegularFile(absolute)) {
                SparkSessions.shared().addJar(absolute);
                context.out().println("Added to the classpath of cells, worker JVMs and Spark executors: " + absolute);
            } else {
                context.out().println("Added to the classpath of cells and worker JVMs: " + absolute
                        + " (Spark executors take jars only: package the classes as a jar for the spark backend)");
            }
        }
    }
}
