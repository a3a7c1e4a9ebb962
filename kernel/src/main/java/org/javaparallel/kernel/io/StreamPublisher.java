package org.javaparallel.kernel.io;

/** Where a cell's batched output goes: the Jupyter stream messages of that cell. */
@FunctionalInterface
public interface StreamPublisher {
    void publish(StreamName stream, String text);

    enum StreamName { STDOUT, STDERR }
}
