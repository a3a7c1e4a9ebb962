package org.javaparallel.ml.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Where {@link RandomizedSearch} draws one parameter's values from. */
public sealed interface ParamDistribution extends Serializable {
    Object sample(Random random);

    /** Equally likely values; when every parameter is a {@code Choice}, candidates are drawn without repetition. */
    record Choice(List<?> values) implements ParamDistribution {
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

    /** Uniform on {@code [low, high)}. */
    record Uniform(double low, double high) implements ParamDistribution {
        public Uniform {
            requireInterval(low, high);
        }

        @Override
        public Object sample(Random random) {
            return low + (high - low) * random.nextDouble();
        }
    }

    /** Log-uniform on {@code [low, high)}, both positive: every decade equally likely. */
    record LogUniform(double low, double high) implements ParamDistribution {
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

    static Choice of(Object... values) {
        return new Choice(Arrays.asList(values));
    }

    static Choice of(List<?> values) {
        return new Choice(values);
    }

    /** numpy's {@code logspace(start, stop, num)}: {@code num} powers of ten, exponents evenly spaced, both ends in. */
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

    static Uniform uniform(double low, double high) {
        return new Uniform(low, high);
    }

    static LogUniform logUniform(double low, double high) {
        return new LogUniform(low, high);
    }

    private static void requireInterval(double low, double high) {
        if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("a distribution needs finite low < high, not [" + low + ", " + high + ")");
        }
    }
}
