package org.javaparallel.ml.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Where {@link RandomizedSearch} draws one parameter's values from: {@link Choice}, {@link Uniform} or
 * {@link LogUniform}.
 */
public sealed interface ParamDistribution extends Serializable {
    /**
     * Draws one value.
     *
     * @param random the source of randomness; not null
     * @return the value
     */
    Object sample(Random random);

    /**
     * Equally likely values; when every parameter is a {@code Choice}, candidates are drawn without repetition.
     *
     * @param values the values; not empty
     * @serial exclude
     */
    record Choice(List<?> values) implements ParamDistribution {
        /**
         * Checks and copies the values.
         *
         * @param values the values; not null, not empty, no value null
         * @throws IllegalArgumentException if {@code values} is empty
         * @throws NullPointerException if {@code values} is or holds null
         */
        public Choice {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a list of parameter values must not be empty");
            }
            values = List.copyOf(values);
        }

        @Override
        public Object sample(Random random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /**
     * Uniform on {@code [low, high)}.
     *
     * @param low the lower bound, included
     * @param high the upper bound, excluded
     * @serial exclude
     */
    record Uniform(double low, double high) implements ParamDistribution {
        /**
         * Checks the bounds.
         *
         * @param low the lower bound, included
         * @param high the upper bound, excluded
         * @throws IllegalArgumentException unless both are finite and {@code low < high}
         */
        public Uniform {
            requireInterval(low, high);
        }

        @Override
        public Object sample(Random random) {
            return low + (high - low) * random.nextDouble();
        }
    }

    /**
     * Log-uniform on {@code [low, high)}, both positive: every decade equally likely.
     *
     * @param low the lower bound, included, positive
     * @param high the upper bound, excluded
     * @serial exclude
     */
    record LogUniform(double low, double high) implements ParamDistribution {
        /**
         * Checks the bounds.
         *
         * @param low the lower bound, included, positive
         * @param high the upper bound, excluded
         * @throws IllegalArgumentException unless both are finite and {@code 0 < low < high}
         */
        public LogUniform {
            requireInterval(low, high);
            if (!(low > 0)) {
                throw new IllegalArgumentException("a log-uniform distribution needs low > 0, not " + low);
            }
        }

        @Override
        public Object sample(Random random) {
            return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
        }
    }

    /**
     * Equally likely values, like a list in sklearn's {@code param_distributions}.
     *
     * @param values the values; at least one, none null
     * @return the distribution
     * @throws IllegalArgumentException if there are no values
     * @throws NullPointerException if a value is null
     */
    static Choice of(Object... values) {
        return new Choice(Arrays.asList(values));
    }

    /**
     * Equally likely values, like a list in sklearn's {@code param_distributions}.
     *
     * @param values the values; not empty, none null
     * @return the distribution
     * @throws IllegalArgumentException if {@code values} is empty
     * @throws NullPointerException if {@code values} is or holds null
     */
    static Choice of(List<?> values) {
        return new Choice(values);
    }

    /**
     * numpy's {@code logspace(start, stop, num)}: {@code num} powers of ten, exponents evenly spaced, both ends in.
     *
     * @param start the first exponent
     * @param stop the last exponent
     * @param num the number of values, at least 1
     * @return the values as a choice
     * @throws IllegalArgumentException if {@code num} is less than 1
     */
    static Choice logspace(double start, double stop, int num) {
        if (num < 1) {
            throw new IllegalArgumentException("logspace needs num >= 1, not " + num);
        }
        List<Double> values = new ArrayList<>(num);
        double step = num > 1 ? (stop - start) / (num - 1) : 0;
        for (int i = 0; i < num; i++) {
            values.add(Math.pow(10, i == num - 1 && num > 1 ? stop : start + i * step));
        }
        return new Choice(values);
    }

    /**
     * Uniform on {@code [low, high)}, like scipy's {@code uniform(low, high - low)}.
     *
     * @param low the lower bound, included
     * @param high the upper bound, excluded
     * @return the distribution
     * @throws IllegalArgumentException unless both are finite and {@code low < high}
     */
    static Uniform uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /**
     * Log-uniform on {@code [low, high)}, like scipy's {@code loguniform(low, high)}.
     *
     * @param low the lower bound, included, positive
     * @param high the upper bound, excluded
     * @return the distribution
     * @throws IllegalArgumentException unless both are finite and {@code 0 < low < high}
     */
    static LogUniform logUniform(double low, double high) {
        return new LogUniform(low, high);
    }

    private static void requireInterval(double low, double high) {
        if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("a distribution needs finite low < high, not [" + low + ", " + high + ")");
        }
    }
}
