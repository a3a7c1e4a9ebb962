package org.javaparallel.spark;

/** Spark 4.1 cannot run on every JDK: Hadoop, which it loads, needs an API that Java 23 removed. */
final class JavaVersionCheck {
    static final int FIRST_UNSUPPORTED = 23;

    private JavaVersionCheck() {
    }

    static void requireSupported(int feature) {
        if (feature >= FIRST_UNSUPPORTED) {
            throw new SparkStartException("Spark cannot start on Java " + feature + ": Hadoop (used by Spark 4.1) calls "
                    + "Subject.getSubject, which Java " + FIRST_UNSUPPORTED + "+ no longer supports, and executors would die "
                    + "at start. Run the kernel on Java 17 (e.g. JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64).");
        }
    }

    static void requireSupported() {
        requireSupported(Runtime.version().feature());
    }
}
