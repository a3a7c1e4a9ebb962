package org.javaparallel.eval;

import java.util.List;

/** Completion candidates for the cell text between {@code start} and {@code end}. */
public record Completion(List<String> matches, int start, int end) {
}
