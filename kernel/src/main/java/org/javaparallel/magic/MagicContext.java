package org.javaparallel.magic;

import java.io.PrintStream;
import java.nio.file.Path;

/** What magics may ask of the kernel that runs them. */
public interface MagicContext {
    /** How the evaluation of code passed to {@link #evaluate} ended. */
    enum Outcome { SUCCEEDED, DID_NOT_COMPILE, FAILED }

    /**
     * Evaluates Java code like a cell (its final expression's value becomes the cell's result). Errors are
     * reported in the cell when {@code reportErrors}; otherwise a compile error is only returned, which lets a
     * magic try another form of the code.
     */
    Outcome evaluate(String code, boolean reportErrors);

    /** Standard output of the running cell. */
    PrintStream out();

    /** Adds a jar or class directory to the classpath of cell code. */
    void addToClasspath(Path entry);

    /** Adds a sources jar whose javadoc inspect shows. */
    void addSources(Path sourcesJar);

    /** Names and usages of all registered magics, for {@code %lsmagic}. */
    MagicRegistry registry();
}
