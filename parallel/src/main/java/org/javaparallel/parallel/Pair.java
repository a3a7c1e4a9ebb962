package org.javaparallel.parallel;

import java.io.Serializable;

/** The two arguments of one {@code starmap} call, like a 2-tuple in Python's {@code pool.starmap(f, [(a, b), ...])}. */
public record Pair<A, B>(A first, B second) implements Serializable {
    public static <A, B> Pair<A, B> of(A first, B second) {
        return new Pair<>(first, second);
    }
}
