package org.javaparallel.parallel.engine;

import java.io.Serializable;
import java.util.List;

/**
 * A slice of a call's items that one worker processes in one go; {@code firstItem} is its offset in the call.
 * Serializable: Spark ships chunks to executors.
 */
public record Chunk(int firstItem, List<?> items) implements Serializable {
    public Chunk {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    public String describeItems() {
        return items.size() == 1 ? "item " + firstItem : "items " + firstItem + ".." + (firstItem + items.size() - 1);
    }
}
