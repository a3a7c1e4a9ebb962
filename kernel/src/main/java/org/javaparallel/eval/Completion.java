package org.javaparallel.eval;

import java.util.List;

/** Completion candidates for the cell text between {@code start} and {@code end}. */
public record Completion(List<Match> matches, int start, int end) {
    /**
     * One candidate: the text that replaces the range, what it names ("method", "class", "field", "variable",
     * "keyword" or "package") and its signature, short ({@code println(String x)}), or "" when it has none.
     */
    public record Match(String text, String type, String signature) {
    }

    /** The candidates' texts, in order. */
    public List<String> texts() {
        return matches.stream().map(Match::text).toList();
    }
}
