package org.javaparallel.parallel.engine;

import java.util.ArrayList;
import java.util.List;

/** How a call's items are cut into chunks. */
public final class Chunking {
    private Chunking() {
    }

    /** The requested chunk size, or for 0 what Python's Pool picks: about four chunks per worker. */
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

    public static List<Chunk> split(List<?> items, int chunkSize) {
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < items.size(); first += chunkSize) {
            chunks.add(new Chunk(first, items.subList(first, Math.min(items.size(), first + chunkSize))));
        }
        return chunks;
    }
}
