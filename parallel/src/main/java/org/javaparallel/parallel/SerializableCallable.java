package org.javaparallel.parallel;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can cross JVMs; the task type of {@code apply} and {@code submit}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableCallable<R> extends Callable<R>, Serializable {
}
