package stopcheck;

/** What the bench designs throw from check() once a stop is requested, as CellInterruptedError does. */
final class Stopped extends Error {
    Stopped() {
        super("stopped", null, false, false);
    }
}
