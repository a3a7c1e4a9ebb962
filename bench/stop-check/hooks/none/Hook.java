package stopcheck;

/** No stop check: the speed to compare with; loops never stop. */
final class Hook {
    static void check() {
    }

    static void requestStop() {
    }

    static void clear() {
    }
}
