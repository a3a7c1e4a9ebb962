package org.javaparallel.ml.svm;

import java.io.Serializable;
import java.util.Locale;

/**
 * The RBF kernel's coefficient: a number, or sklearn's rules "scale" and "auto" resolved on the training rows.
 * The permitted kinds are {@link Fixed}, {@link Scale} and {@link Auto}; {@code toString()} gives the text that
 * {@link #parse} reads back.
 */
public sealed interface Gamma extends Serializable {
    /**
     * The coefficient for training on {@code rows} of {@code x}.
     *
     * @param x the data set, one row per sample
     * @param rows the training rows; not empty
     * @return the coefficient, positive
     */
    double resolve(double[][] x, int[] rows);

    /**
     * A fixed coefficient.
     *
     * @param value the coefficient, a positive finite number
     * @serial exclude
     */
    record Fixed(double value) implements Gamma {
        /**
         * Checks the coefficient.
         *
         * @param value the coefficient, a positive finite number
         * @throws IllegalArgumentException if {@code value} is not positive and finite
         */
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

    /**
     * "scale", "auto" or a positive number.
     *
     * @param text the rule or number, in any case, surrounding spaces ignored; not null
     * @return the gamma
     * @throws IllegalArgumentException if {@code text} is none of them, or a number that is not positive
     * @throws NullPointerException if {@code text} is null
     */
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
