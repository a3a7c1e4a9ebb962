package org.javaparallel.parallel.engine;

/** Thrown by {@link ChunkExecution} when the function failed on one item; carries the item's index in the call. */
public final class ItemFailedException extends Exception {
    private final int item;

    public ItemFailedException(int item, Throwable cause) {
        super("item " + item + " failed", cause);
        this.item = item;
    }

    public int item() {
        return item;
    }
}
