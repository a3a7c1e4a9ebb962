package org.javaparallel.ml.svm;

import java.io.Serializable;
import java.util.Locale;

/** The RBF kernel's coefficient: a number, or sklearn's rules "scale" and "auto" resolved on the training rows. */
public sealed interface Gamma extends Serializable {
    double resolve(double[][] x, int[] rows);

    record Fixed(double value) implements Gamma {
        public Fixed {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("gamma must be a positive number or \"scale\" or \"auto\", not " + value);
            }
        }

        @Override
        public double resolve(double[][] x, int[] rows) {
            return value;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** {@code 1 / (n_features * X.var())}, the variance taken over every entry of the training rows. */
    record Scale() implements Gamma {
        @Override
        public double resolve(double[][] x, int[] rows) {
            int features = x[rows[0]].length;
            double sum = 0;
            for (int row : rows) {
                for (double v : x[row]) {
                    sum += v;
                }
            }
            double mean = sum / ((double) rows.length * features);
            double squares = 0;
            for (int row : rows) {
                for (double v : x[row]) {
                    squares += (v - mean) * (v - mean);
                }
            }
            double variance = squares / ((double) rows.length * features);
            return variance == 0 ? 1.0 : 1.0 / (features * variance);
        }

        @Override
        public String toString() {
            return "scale";
        }
    }

    /** {@code 1 / n_features}. */
    record Auto() implements Gamma {
        @Override
        public double resolve(double[][] x, int[] rows) {
            return 1.0 / x[rows[0]].length;
        }

        @Override
        public String toString() {
            return "auto";
        }
    }

    /** "scale", "auto" or a positive number. */
    static Gamma parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "scale" -> new Scale();
            case "auto" -> new Auto();
            default -> {
                try {
                    yield new Fixed(Double.parseDouble(text.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "gamma must be a positive number or \"scale\" or \"auto\", not \"" + text + "\"");
                }
            }
        };
    }
}
