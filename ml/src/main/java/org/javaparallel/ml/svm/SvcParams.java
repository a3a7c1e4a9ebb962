package org.javaparallel.ml.svm;

import java.io.Serializable;

/**
 * Settings of an RBF C-SVC, named and defaulted as in scikit-learn's {@code SVC}.
 *
 * @param c           the regularisation: penalty of a margin violation, positive
 * @param gamma       the RBF kernel's coefficient; not null
 * @param tol         the solver's stopping tolerance (libsvm's eps), positive
 * @param classWeight how C is scaled per class; not null
 * @param maxIter     iteration limit per binary problem; {@code <= 0} means libsvm's default
 * @param cacheSizeMb kernel cache per binary problem, in MB
 * @param shrinking   whether the solver uses the shrinking heuristic
 * @serial exclude
 */
public record SvcParams(double c, Gamma gamma, double tol, ClassWeight classWeight, long maxIter,
                        double cacheSizeMb, boolean shrinking) implements Serializable {
    /**
     * Checks the settings.
     *
     * @param c the regularisation, positive
     * @param gamma the RBF kernel's coefficient; not null
     * @param tol the solver's stopping tolerance, positive
     * @param classWeight how C is scaled per class; not null
     * @param maxIter iteration limit per binary problem; {@code <= 0} means libsvm's default
     * @param cacheSizeMb kernel cache per binary problem, in MB, positive
     * @param shrinking whether the solver uses the shrinking heuristic
     * @throws IllegalArgumentException if {@code c}, {@code tol} or {@code cacheSizeMb} is not positive and finite,
     * or {@code gamma} or {@code classWeight} is null
     */
    public SvcParams {
        requirePositive("C", c);
        requirePositive("tol", tol);
        requirePositive("cacheSize", cacheSizeMb);
        if (gamma == null || classWeight == null) {
            throw new IllegalArgumentException("gamma and classWeight must be given");
        }
    }

    /**
     * scikit-learn's defaults: C 1, gamma "scale", tol 0.001, no class weights, no iteration limit,
     * 200 MB cache, shrinking.
     *
     * @return the defaults
     */
    public static SvcParams defaults() {
        return new SvcParams(1.0, new Gamma.Scale(), 1e-3, ClassWeight.NONE, -1, 200, true);
    }

    /**
     * These settings with another C.
     *
     * @param value the new C, positive
     * @return the new settings; this record is unchanged
     * @throws IllegalArgumentException if {@code value} is not positive and finite
     */
    public SvcParams withC(double value) {
        return new SvcParams(value, gamma, tol, classWeight, maxIter, cacheSizeMb, shrinking);
    }

    /**
     * These settings with another gamma.
     *
     * @param value the new fixed gamma, positive
     * @return the new settings; this record is unchanged
     * @throws IllegalArgumentException if {@code value} is not positive and finite
     */
    public SvcParams withGamma(double value) {
        return withGamma(new Gamma.Fixed(value));
    }

    /**
     * These settings with another gamma.
     *
     * @param rule "scale", "auto" or a positive number; not null
     * @return the new settings; this record is unchanged
     * @throws IllegalArgumentException if {@code rule} is none of them
     */
    public SvcParams withGamma(String rule) {
        return withGamma(Gamma.parse(rule));
    }

    /**
     * These settings with another gamma.
     *
     * @param value the new gamma; not null
     * @return the new settings; this record is unchanged
     * @throws IllegalArgumentException if {@code value} is null
     */
    public SvcParams withGamma(Gamma value) {
        return new SvcParams(c, value, tol, classWeight, maxIter, cacheSizeMb, shrinking);
    }

    /**
     * These settings with another tol.
     *
     * @param value the new tolerance, positive
     * @return the new settings; this record is unchanged
     * @throws IllegalArgumentException if {@code value} is not positive and finite
     */
    public SvcParams withTol(double value) {
        return new SvcParams(c, gamma, value, classWeight, maxIter, cacheSizeMb, shrinking);
    }

    /**
     * These settings with another classWeight.
     *
     * @param value the new class weight; not null
     * @return the new settings; this record is unchanged
     * @throws IllegalArgumentException if {@code value} is null
     */
    public SvcParams withClassWeight(ClassWeight value) {
        return new SvcParams(c, gamma, tol, value, maxIter, cacheSizeMb, shrinking);
    }

    /**
     * These settings with another maxIter.
     *
     * @param value the new iteration limit; {@code <= 0} for none
     * @return the new settings; this record is unchanged
     */
    public SvcParams withMaxIter(long value) {
        return new SvcParams(c, gamma, tol, classWeight, value, cacheSizeMb, shrinking);
    }

    /**
     * These settings with another cacheSizeMb.
     *
     * @param value the new cache size in MB, positive
     * @return the new settings; this record is unchanged
     * @throws IllegalArgumentException if {@code value} is not positive and finite
     */
    public SvcParams withCacheSizeMb(double value) {
        return new SvcParams(c, gamma, tol, classWeight, maxIter, value, shrinking);
    }

    /**
     * These settings with another shrinking.
     *
     * @param value whether to use the shrinking heuristic
     * @return the new settings; this record is unchanged
     */
    public SvcParams withShrinking(boolean value) {
        return new SvcParams(c, gamma, tol, classWeight, maxIter, cacheSizeMb, value);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + value);
        }
    }
}
