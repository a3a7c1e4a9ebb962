package org.javaparallel.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocMarkdownTest {
    @Test
    void inlineTagsBecomeCodeOrTheirLabel() {
        assertEquals("the `%backend` magic, see `Pools.current` or the pool",
                JavadocMarkdown.of("the {@code %backend} magic, see {@link Pools#current} or {@linkplain Pool the pool}"));
        assertEquals("`size`", JavadocMarkdown.of("{@link #size}"));
    }

    @Test
    void blockTagsBecomeLabelledLines() {
        assertEquals("Maps.\n\n**Parameter** `fn`: the function\n\n**Returns** the results\n\n**Throws** `TaskFailedException`: "
                        + "if a task threw",
                JavadocMarkdown.of("Maps.\n@param fn the function\n@return the results\n@throws TaskFailedException if a task threw"));
    }
}
