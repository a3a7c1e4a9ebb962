package org.javaparallel.parallel;

import java.io.Serializable;
import java.util.function.BiFunction;

/** A {@link BiFunction} that can cross JVMs; the task type of {@code starmap}. */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends BiFunction<A, B, R>, Serializable {
}
