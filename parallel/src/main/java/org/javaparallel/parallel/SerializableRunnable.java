package org.javaparallel.parallel;

import java.io.Serializable;

/** A {@link Runnable} that can cross JVMs; the target of a {@code WorkerProcess}. */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
