package org.javaparallel.eval;

/**
 * Where the name under the cursor ends. JShell documents the symbol that ends at the cursor, while an editor
 * asks with the cursor anywhere in a name ({@code Po|ols.current()}), so the cursor is moved to the name's end.
 */
final class SymbolAtCursor {
    private SymbolAtCursor() {
    }

    /** The end of the identifier that contains {@code cursor} or starts at it; {@code cursor} itself if none. */
    static int endOfName(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end;
    }
}
