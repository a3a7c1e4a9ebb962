package org.javaparallel.ml.svm;

import java.io.Serializable;

/**
 * Settings of an RBF C-SVC, named and defaulted as in scikit-learn's {@code SVC}.
 *
 * @param maxIter     iteration limit per binary problem; {@code <= 0} means libsvm's default
 * @param cacheSizeMb kernel cache per binary problem, in MB
 */
public record SvcParams(double c, Gamma gamma, double tol, ClassWeight classWeight, long maxIter,
                        double cacheSizeMb, boolean shrinking) implements Serializable {
    public SvcParams {
        requirePositive("C", c);
        requirePositive("tol", tol);
        requirePositive("cacheSize", cacheSizeMb);
        if (gamma == null || classWeight == null) {
            throw new IllegalArgumentException("gamma and classWeight must be given");
        }
    }

    public static SvcParams defaults() {
        return new SvcParams(1.0, new Gamma.Scale(), 1e-3, ClassWeight.NONE, -1, 200, true);
    }

    public SvcParams withC(double value) {
        return new SvcParams(value, gamma, tol, classWeight, maxIter, cacheSizeMb, shrinking);
    }

    public SvcParams withGamma(double value) {
        return withGamma(new Gamma.Fixed(value));
    }

    public SvcParams withGamma(String rule) {
        return withGamma(Gamma.parse(rule));
    }

    public SvcParams withGamma(Gamma value) {
        return new SvcParams(c, value, tol, classWeight, maxIter, cacheSizeMb, shrinking);
    }

    public SvcParams withTol(double value) {
        return new SvcParams(c, gamma, value, classWeight, maxIter, cacheSizeMb, shrinking);
    }

    public SvcParams withClassWeight(ClassWeight value) {
        return new SvcParams(c, gamma, tol, value, maxIter, cacheSizeMb, shrinking);
    }

    public SvcParams withMaxIter(long value) {
        return new SvcParams(c, gamma, tol, classWeight, value, cacheSizeMb, shrinking);
    }

    public SvcParams withCacheSizeMb(double value) {
        return new SvcParams(c, gamma, tol, classWeight, maxIter, value, shrinking);
    }

    public SvcParams withShrinking(boolean value) {
        return new SvcParams(c, gamma, tol, classWeight, maxIter, cacheSizeMb, value);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + value);
        }
    }
}
