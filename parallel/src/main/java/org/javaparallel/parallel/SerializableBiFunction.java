package org.javaparallel.parallel;

import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * A {@link BiFunction} that can cross JVMs; the task type of {@code starmap}.
 *
 * @param <A> the first argument's type
 * @param <B> the second argument's type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends BiFunction<A, B, R>, Serializable {
}
