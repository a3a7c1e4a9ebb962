package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SymbolAtCursorTest {
    @Test
    void aCursorInsideANameMovesToItsEnd() {
        assertEquals("greeting.substring".length(), SymbolAtCursor.endOfName("greeting.substring(1)", 13));
        assertEquals("Pools".length(), SymbolAtCursor.endOfName("Pools.current()", 2));
        assertEquals("square".length(), SymbolAtCursor.endOfName("square(3)", 0));
    }

    @Test
    void aCursorAtTheEndOfANameOrBeforePunctuationStays() {
        assertEquals(8, SymbolAtCursor.endOfName("Math.max", 8));
        assertEquals(4, SymbolAtCursor.endOfName("Math.max", 4));
        assertEquals("square(".length(), SymbolAtCursor.endOfName("square()", 7));
    }
}
