package org.javaparallel.magic;

import java.util.Locale;

/** Formats durations the way IPython's %time and %timeit do: three significant digits and a fitting unit. */
final class Durations {
    private Durations() {
    }

    static String format(double seconds) {
        if (seconds >= 60) {
            long minutes = (long) (seconds / 60);
            return String.format(Locale.ROOT, "%dmin %.1f s", minutes, seconds - minutes * 60);
        }
        String[] units = {"s", "ms", "µs", "ns"};
        double value = seconds;
        int unit = 0;
        while (value != 0 && Math.abs(value) < 1 && unit < units.length - 1) {
            value *= 1000;
            unit++;
        }
        return significant(value) + " " + units[unit];
    }

    private static String significant(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
