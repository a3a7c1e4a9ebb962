package org.javaparallel.parallel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which backend runs the Pool calls, as typed after {@code %backend}: threads of the kernel JVM, worker JVMs
 * on this machine, or a Spark cluster.
 *
 * <p>The permitted specs are {@link Threads}, {@link Processes}, {@link SparkLocal}, {@link SparkMaster} and
 * {@link SparkAuto}. Their {@code toString()} is the text that {@link #parse} reads back.
 */
public sealed interface BackendSpec {
    /** The forms {@link #parse} accepts, for help and error messages. */
    String VALID_FORMS = "threads [N] [virtual] | processes [N] | spark local[N] | spark local[*]"
            + " | spark spark://host:port | spark slurm | spark auto";

    /**
     * {@code n} threads of the kernel JVM; {@code virtual} asks for virtual threads (JDK 21+).
     *
     * @param n the number of threads, at least 1
     * @param virtual whether to use virtual threads instead of platform threads
     */
    record Threads(int n, boolean virtual) implements BackendSpec {
        /**
         * Checks the thread count.
         *
         * @param n the number of threads, at least 1
         * @param virtual whether to use virtual threads instead of platform threads
         * @throws IllegalArgumentException if {@code n} is less than 1
         */
        public Threads {
            requirePositive(n);
        }

        @Override
        public String toString() {
            return "threads " + n + (virtual ? " virtual" : "");
        }
    }

    /**
     * {@code n} worker JVMs started by the kernel on this machine.
     *
     * @param n the number of worker JVMs, at least 1
     */
    record Processes(int n) implements BackendSpec {
        /**
         * Checks the worker count.
         *
         * @param n the number of worker JVMs, at least 1
         * @throws IllegalArgumentException if {@code n} is less than 1
         */
        public Processes {
            requirePositive(n);
        }

        @Override
        public String toString() {
            return "processes " + n;
        }
    }

    /**
     * Spark inside the kernel JVM with {@code n} executor threads.
     *
     * @param n the number of executor threads, at least 1
     */
    record SparkLocal(int n) implements BackendSpec {
        /**
         * Checks the thread count.
         *
         * @param n the number of executor threads, at least 1
         * @throws IllegalArgumentException if {@code n} is less than 1
         */
        public SparkLocal {
            requirePositive(n);
        }

        @Override
        public String toString() {
            return "spark local[" + n + "]";
        }
    }

    /**
     * A standalone Spark master, e.g. {@code spark://node17:7077}.
     *
     * @param url the master's URL, {@code spark://host:port}; not null
     */
    record SparkMaster(String url) implements BackendSpec {
        /**
         * Checks the URL.
         *
         * @param url the master's URL, {@code spark://host:port}; not null
         * @throws IllegalArgumentException if {@code url} is not of the form {@code spark://host:port}
         * @throws NullPointerException if {@code url} is null
         */
        public SparkMaster {
            validateMasterUrl(url);
        }

        @Override
        public String toString() {
            return "spark " + url;
        }
    }

    /** Spark on whatever the environment offers: the Slurm allocation the kernel runs in, else local. */
    record SparkAuto() implements BackendSpec {

        @Override
        public String toString() {
            return "spark auto";
        }
    }

    /**
     * The number of cores this JVM may use, the default size of a backend.
     *
     * @return {@link Runtime#availableProcessors()}
     */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Reads a spec as typed after {@code %backend}, e.g. {@code threads 4}, {@code processes},
     * {@code spark local[*]}. A missing count means one worker per core.
     *
     * @param text the text; null is treated like an empty text
     * @return the spec, never null
     * @throws IllegalArgumentException if the text is empty or not one of {@link #VALID_FORMS}
     */
    static BackendSpec parse(String text) {
        List<String> words = text == null ? List.of() : List.of(text.trim().split("\\s+"));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw invalid("no backend given");
        }
        String kind = words.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = words.subList(1, words.size());
        return switch (kind) {
            case "threads" -> parseThreads(rest);
            case "processes" -> parseProcesses(rest);
            case "spark" -> parseSpark(rest);
            default -> throw invalid("unknown backend '" + words.get(0) + "'");
        };
    }

    private static BackendSpec parseThreads(List<String> args) {
        int n = cores();
        boolean virtual = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equalsIgnoreCase("virtual") && i == args.size() - 1) {
                virtual = true;
            } else if (i == 0) {
                n = parseCount(arg, "threads");
            } else {
                throw invalid("unexpected '" + arg + "' after 'threads'");
            }
        }
        return new Threads(n, virtual);
    }

    private static BackendSpec parseProcesses(List<String> args) {
        if (args.size() > 1) {
            throw invalid("unexpected '" + args.get(1) + "' after 'processes " + args.get(0) + "'");
        }
        return new Processes(args.isEmpty() ? cores() : parseCount(args.get(0), "processes"));
    }

    private static BackendSpec parseSpark(List<String> args) {
        if (args.size() != 1) {
            throw invalid(args.isEmpty() ? "'spark' needs a master" : "too many words after 'spark'");
        }
        String master = args.get(0);
        String lower = master.toLowerCase(Locale.ROOT);
        if (lower.equals("slurm") || lower.equals("auto")) {
            return new SparkAuto();
        }
        if (lower.startsWith("local[") && lower.endsWith("]")) {
            String count = master.substring("local[".length(), master.length() - 1);
            return new SparkLocal(count.equals("*") ? cores() : parseCount(count, "spark local"));
        }
        if (lower.equals("local")) {
            return new SparkLocal(1);
        }
        if (lower.startsWith("spark://")) {
            try {
                return new SparkMaster(master);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        throw invalid("unknown Spark master '" + master + "'");
    }

    private static int parseCount(String text, String what) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' is not a number of workers for " + what);
        }
        if (n < 1) {
            throw invalid(what + " needs at least 1 worker, got " + n);
        }
        return n;
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a backend needs at least 1 worker, got " + n);
        }
    }

    private static void validateMasterUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed Spark master URL '" + url + "': " + e.getReason());
        }
        if (!"spark".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new IllegalArgumentException("malformed Spark master URL '" + url
                    + "': expected spark://host:port, e.g. spark://node17:7077");
        }
    }

    private static IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException("invalid backend: " + what + ". Valid forms: " + VALID_FORMS);
    }
}
