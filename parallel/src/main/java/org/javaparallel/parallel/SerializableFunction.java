package org.javaparallel.parallel;

import java.io.Serializable;
import java.util.function.Function;

/** A {@link Function} that can cross JVMs: lambdas typed in cells become serializable when their target is this. */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
