package stopcheck;

import org.javaparallel.parallel.spi.CellInterrupts;

/** Whatever the kernel's CellInterrupts does now (needs parallel/target/classes). */
final class Hook {
    static void check() {
        CellInterrupts.check();
    }

    static void requestStop() {
        CellInterrupts.requestStop();
    }

    static void clear() {
        CellInterrupts.clear();
    }
}
