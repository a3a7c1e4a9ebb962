package org.javaparallel.eval;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis;

/** Splits a cell into JShell snippets, remembering where each starts so that errors can name cell lines. */
final class CellSplitter {
    record Piece(String source, int offset, Completeness completeness) {
    }

    private CellSplitter() {
    }

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            int leading = leadingWhitespace(remaining);
            if (!info.completeness().isComplete()) {
                pieces.add(new Piece(remaining.strip(), offset + leading, info.completeness()));
                break;
            }
            String source = info.source();
            int consumed = remaining.length() - info.remaining().length();
            pieces.add(new Piece(source, offset + sourceStart(remaining, source), info.completeness()));
            offset += consumed;
            remaining = info.remaining();
        }
        return pieces;
    }

    /** Where the snippet's first character sits in {@code remaining}: JShell may keep or drop leading blanks. */
    private static int sourceStart(String remaining, String source) {
        String trimmed = source.stripLeading();
        int found = remaining.indexOf(trimmed.substring(0, Math.min(trimmed.length(), 40)));
        return Math.max(0, found) - (source.length() - trimmed.length());
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column of a character offset. */
    static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
        return offset - lineStart + 1;
    }

    static String lineText(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
