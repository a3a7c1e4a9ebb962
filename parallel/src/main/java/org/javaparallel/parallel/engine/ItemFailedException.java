package org.javaparallel.parallel.engine;

/** Thrown by {@link ChunkExecution} when the function failed on one item; carries the item's index in the call. */
public final class ItemFailedException extends Exception {
    /** The index of the item in the call. */
    private final int item;

    /**
     * The failure of one item.
     *
     * @param item the index of the item in the call
     * @param cause what the function threw
     */
    public ItemFailedException(int item, Throwable cause) {
        super("item " + item + " failed", cause);
        this.item = item;
    }

    /**
     * The index of the item in the call.
     *
     * @return the index
     */
    public int item() {
        return item;
    }
}
