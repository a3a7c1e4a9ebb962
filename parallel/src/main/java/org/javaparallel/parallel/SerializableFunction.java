package org.javaparallel.parallel;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A {@link Function} that can cross JVMs: lambdas typed in cells become serializable when their target is this.
 *
 * @param <T> the argument's type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
