package org.javaparallel.parallel.engine;

import java.util.List;

/** A slice of a call's items that one worker processes in one go; {@code firstItem} is its offset in the call. */
public record Chunk(int firstItem, List<?> items) {
    public Chunk {
        items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    public String describeItems() {
        return items.size() == 1 ? "item " + firstItem : "items " + firstItem + ".." + (firstItem + items.size() - 1);
    }
}
