package org.javaparallel.parallel;

import java.io.Serializable;

/**
 * The two arguments of one {@code starmap} call, like a 2-tuple in Python's {@code pool.starmap(f, [(a, b), ...])}.
 *
 * @param first the first argument; may be null
 * @param second the second argument; may be null
 * @param <A> the first argument's type
 * @param <B> the second argument's type
 * @serial exclude
 */
public record Pair<A, B>(A first, B second) implements Serializable {
    /**
     * A pair of two values, like Python's {@code (first, second)}.
     *
     * @param first the first value; may be null
     * @param second the second value; may be null
     * @param <A> the first value's type
     * @param <B> the second value's type
     * @return the pair
     */
    public static <A, B> Pair<A, B> of(A first, B second) {
        return new Pair<>(first, second);
    }
}
