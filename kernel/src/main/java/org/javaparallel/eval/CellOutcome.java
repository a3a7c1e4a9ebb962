package org.javaparallel.eval;

import java.util.List;

/** How the evaluation of a cell ended. */
public sealed interface CellOutcome {
    /** All snippets ran; {@code value} is the final expression's value when {@code hasValue}. */
    record Success(boolean hasValue, Object value) implements CellOutcome {
    }

    /** A snippet did not compile; line and column are 1-based positions in the cell. */
    record CompileError(String message, int line, int column, String sourceLine) implements CellOutcome {
    }

    /** A snippet threw; the trace lists only frames of cell code, as "at method(cell line N)". */
    record RuntimeError(String type, String message, Throwable failure, List<String> trace) implements CellOutcome {
    }

    /** A snippet uses a method or class that is declared but not yet complete. */
    record Unresolved(String message) implements CellOutcome {
    }

    /** The cell was interrupted. */
    record Interrupted() implements CellOutcome {
    }
}
