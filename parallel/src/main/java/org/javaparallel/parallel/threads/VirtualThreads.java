package org.javaparallel.parallel.threads;

import java.util.concurrent.ThreadFactory;

/** Virtual threads, looked up reflectively because the kernel is compiled for Java 17 and they came in 21. */
final class VirtualThreads {
    private VirtualThreads() {
    }

    static ThreadFactory factory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "vthread-", 1L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (NoSuchMethodException | ClassNotFoundException e) {
            throw new UnsupportedOperationException("virtual threads need Java 21 or newer; this kernel runs on Java "
                    + Runtime.version().feature() + ". Use 'threads N' instead.");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create virtual threads: " + e, e);
        }
    }
}
