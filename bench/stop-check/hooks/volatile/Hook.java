package stopcheck;

/** A volatile read per check: what the kernel did first. */
final class Hook {
    private static volatile boolean stop;

    static void check() {
        if (stop) {
            throw new Stopped();
        }
    }

    static void requestStop() {
        stop = true;
    }

    static void clear() {
        stop = false;
    }
}
