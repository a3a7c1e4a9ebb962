package org.javaparallel.magic;

/**
 * A magic command: {@code %name args} on a line of its own, or {@code %%name args} as a cell's first line
 * applying to the rest of the cell.
 */
public interface Magic {
    String name();

    /** One line for {@code %lsmagic} and for usage errors. */
    String usage();

    default boolean hasLineForm() {
        return true;
    }

    default boolean hasCellForm() {
        return false;
    }

    default void line(String args, MagicContext context) throws Exception {
        throw new MagicUsageException("%" + name() + " has no line form; use %%" + name() + " as the cell's first line");
    }

    default void cell(String args, String body, MagicContext context) throws Exception {
        throw new MagicUsageException("%%" + name() + " has no cell form; use %" + name() + " on a line");
    }
}
