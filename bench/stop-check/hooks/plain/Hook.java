package stopcheck;

/** A plain read per check: the JIT may hoist it out of the loop, so a compiled loop may never see the stop. */
final class Hook {
    private static boolean stop;

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
