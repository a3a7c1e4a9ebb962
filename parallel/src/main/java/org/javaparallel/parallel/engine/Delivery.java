package org.javaparallel.parallel.engine;

/** How a call hands its results back, which decides what a failing chunk does to the others. */
enum Delivery {
    /** apply and submit: one task, whose failure names no item. */
    ONE_RESULT,
    /** map and starmap: all results at once, so a failure ends every chunk. */
    ALL_RESULTS,
    /** imap: chunks before a failing one still run, since their results are yielded before the failure. */
    IN_ORDER,
    /** imapUnordered: what completed before a failure has been yielded; the rest ends. */
    IN_COMPLETION_ORDER
}
