package org.javaparallel.eval;

/** The answer to Jupyter's is_complete_request. */
public enum IsComplete {
    COMPLETE, INCOMPLETE, INVALID
}
