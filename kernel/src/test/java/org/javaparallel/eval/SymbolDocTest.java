package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SymbolDocTest {
    @Test
    void theSpaceAfterEachLinesStarIsDroppedAndDeeperIndentationKept() {
        SymbolDoc doc = SymbolDoc.of("int f()", " Returns one.\n <pre>\n   f()\n </pre>\n @return one\n");
        assertEquals("Returns one.\n<pre>\n  f()\n</pre>\n@return one", doc.javadoc());
    }

    @Test
    void aBlankCommentIsNoJavadoc() {
        assertNull(SymbolDoc.of("int f()", " \n ").javadoc());
        assertNull(SymbolDoc.of("int f()", null).javadoc());
    }
}
