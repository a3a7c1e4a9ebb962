package org.javaparallel.parallel.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The items one task works on: {@code items} are the call's items from index {@code firstItem} on. */
record Chunk(int firstItem, List<?> items) implements Serializable {
    /** Consecutive chunks of {@code chunksize} items (the last one may be shorter), as Python's Pool cuts them. */
    static List<Chunk> split(List<?> items, int chunksize) {
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < items.size(); first += chunksize) {
            chunks.add(new Chunk(first, new ArrayList<>(items.subList(first, Math.min(items.size(), first + chunksize)))));
        }
        return chunks;
    }
}
