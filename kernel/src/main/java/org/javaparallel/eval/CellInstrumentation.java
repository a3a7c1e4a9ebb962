package org.javaparallel.eval;

/**
 * What the kernel adds to the cell classes that this JVM defines, beside the stop checks: the debugger's probes.
 * The class files that worker JVMs and Spark executors load stay as the stop weaver made them, so probes never
 * reach a JVM that has no debugger.
 */
public interface CellInstrumentation {
    /** No instrumentation: the classes this JVM defines are those the workers get. */
    CellInstrumentation NONE = new CellInstrumentation() {
    };

    /**
     * True when {@link #compiling} wants the line map of each snippet (it costs a parse of the snippet).
     *
     * @return whether to compute line maps
     */
    default boolean wantsLines() {
        return false;
    }

    /**
     * Called before JShell compiles one snippet of a cell; the classes defined until the next call are that
     * snippet's.
     *
     * @param cell the code being evaluated, of which the snippet is a part
     * @param lines the lines of the snippet's wrapper class in that code
     */
    default void compiling(String cell, WrapperLines lines) {
    }

    /**
     * The class this JVM defines in place of {@code bytecode} (already woven with stop checks).
     *
     * @param className the binary name of the class
     * @param bytecode its class file
     * @return the class file to define
     */
    default byte[] instrument(String className, byte[] bytecode) {
        return bytecode;
    }

    /** Called first on each snippet's own thread (a cell's top-level statements run one thread each). */
    default void snippetThreadStarted() {
    }

    /**
     * Called on the cell's own thread when a snippet ends with an exception, before the cell reports it.
     *
     * @param failure the exception the snippet threw
     */
    default void uncaught(Throwable failure) {
    }
}
