package org.javaparallel.parallel.engine;

import java.io.Serializable;
import java.util.List;

/**
 * A slice of a call's items that one worker processes in one go; {@code firstItem} is its offset in the call.
 * Serializable: Spark ships chunks to executors.
 *
 * @param firstItem the index of the chunk's first item in the call's input
 * @param items the chunk's items, in order; the items may be null
 * @serial exclude
 */
public record Chunk(int firstItem, List<?> items) implements Serializable {
    /**
     * Copies {@code items} into an unmodifiable list.
     *
     * @param firstItem the index of the chunk's first item in the call's input
     * @param items the chunk's items; not null
     * @throws NullPointerException if {@code items} is null
     */
    public Chunk {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    /**
     * The chunk's items for messages, e.g. {@code item 3} or {@code items 4..7}.
     *
     * @return the description
     */
    public String describeItems() {
        return items.size() == 1 ? "item " + firstItem : "items " + firstItem + ".." + (firstItem + items.size() - 1);
    }
}
