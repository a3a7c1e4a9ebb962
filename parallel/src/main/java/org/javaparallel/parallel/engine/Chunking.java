package org.javaparallel.parallel.engine;

import java.util.ArrayList;
import java.util.List;

/** How a call's items are cut into chunks. */
public final class Chunking {
    private Chunking() {
    }

    /**
     * The requested chunk size, or for 0 what Python's Pool picks: about four chunks per worker.
     *
     * @param items the number of items in the call
     * @param workers the number of workers
     * @param requested the chunk size asked for, or 0 for automatic
     * @return the chunk size, at least 1
     * @throws IllegalArgumentException if {@code requested} is negative
     */
    public static int chunkSize(int items, int workers, int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("chunksize must be 0 (automatic) or positive, got " + requested);
        }
        if (requested > 0) {
            return requested;
        }
        int perRound = 4 * Math.max(1, workers);
        return Math.max(1, (items + perRound - 1) / perRound);
    }

    /**
     * Cuts {@code items} into chunks of {@code chunkSize} items; the last may be shorter.
     *
     * @param items the call's items; not null
     * @param chunkSize the items per chunk, at least 1
     * @return the chunks, in item order; empty for no items
     */
    public static List<Chunk> split(List<?> items, int chunkSize) {
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < items.size(); first += chunkSize) {
            chunks.add(new Chunk(first, items.subList(first, Math.min(items.size(), first + chunkSize))));
        }
        return chunks;
    }
}
