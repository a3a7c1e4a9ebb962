package org.javaparallel.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Where the lines of a snippet's wrapper class (the class JShell generates around it, whose line numbers the
 * class file carries) are in the code the snippet came from: line {@code n} of the wrapper is line
 * {@code cellLine(n)} of the code, or 0 when it is JShell's own (the class header, a variable's field).
 *
 * @param cellLineByWrapperLine index: a wrapper line (1-based); value: the line of the code, 0 for none
 */
public record WrapperLines(int[] cellLineByWrapperLine) {
    /** A defensive copy, so that the record stays immutable. */
    public WrapperLines {
        cellLineByWrapperLine = cellLineByWrapperLine.clone();
    }

    /**
     * The line of the code where a line of the wrapper class is.
     *
     * @param wrapperLine a line of the wrapper class, from its LineNumberTable
     * @return the 1-based line of the code, or 0 when the wrapper line is JShell's own
     */
    public int cellLine(int wrapperLine) {
        return wrapperLine > 0 && wrapperLine < cellLineByWrapperLine.length ? cellLineByWrapperLine[wrapperLine] : 0;
    }

    /**
     * The map of one snippet, from JShell's wrapper of it.
     *
     * @param wrapper JShell's wrapper of the snippet's source
     * @param source the snippet's source, as given to JShell
     * @param firstLine the line of the code where the snippet starts (1-based)
     */
    static WrapperLines of(SourceCodeAnalysis.SnippetWrapper wrapper, String source, int firstLine) {
        String wrapped = wrapper.wrapped();
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < wrapped.length(); i++) {
            if (wrapped.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        int[] map = new int[lineStarts.size() + 1];
        // every position, not only line starts: JShell moves a variable's initializer away from its type and name
        int sourceLine = firstLine;
        for (int position = 0; position < source.length(); position++) {
            int wrappedPosition = wrapper.sourceToWrappedPosition(position);
            if (wrappedPosition >= 0 && !Character.isWhitespace(source.charAt(position))) {
                int found = Collections.binarySearch(lineStarts, wrappedPosition);
                int wrapperLine = found >= 0 ? found + 1 : -found - 1;
                if (map[wrapperLine] == 0) {
                    map[wrapperLine] = sourceLine;
                }
            }
            if (source.charAt(position) == '\n') {
                sourceLine++;
            }
        }
        // JShell's own "return $1 =" (an expression's value) and "int x_ =" start the statement javac numbers
        for (int line = map.length - 2; line >= 1; line--) {
            int end = line < lineStarts.size() ? lineStarts.get(line) - 1 : wrapped.length();
            if (map[line] == 0 && map[line + 1] != 0 && wrapped.substring(lineStarts.get(line - 1), end).strip().endsWith("=")) {
                map[line] = map[line + 1];
            }
        }
        return new WrapperLines(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrapperLines lines && Arrays.equals(cellLineByWrapperLine, lines.cellLineByWrapperLine);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cellLineByWrapperLine);
    }

    @Override
    public String toString() {
        return "WrapperLines" + Arrays.toString(cellLineByWrapperLine);
    }
}
