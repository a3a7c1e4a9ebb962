package org.javaparallel.ml;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.javaparallel.ml.svm.ClassWeight;
import org.javaparallel.ml.svm.Gamma;
import org.javaparallel.ml.svm.RbfSvc;
import org.javaparallel.ml.svm.SquaredDistances;
import org.javaparallel.ml.svm.SvcParams;

/**
 * scikit-learn's {@code SVC(kernel="rbf")} as an MLlib Estimator. Fitting collects the (small) data to the
 * driver and runs our libsvm-style solver there; {@link #fit(LabeledData)} does the same without Spark.
 * {@code gamma}, when set, is the kernel coefficient; otherwise {@code gammaMode} ("scale" or "auto") decides.
 */
public final class SVC extends Estimator<SVCModel> {
    /** This estimator's MLlib identifier. */
    private final String uid;
    /** See {@link #C()}. */
    private final DoubleParam c;
    /** See {@link #gamma()}. */
    private final DoubleParam gamma;
    /** See {@link #gammaMode()}. */
    private final Param<String> gammaMode;
    /** See {@link #tol()}. */
    private final DoubleParam tol;
    /** See {@link #classWeight()}. */
    private final Param<String> classWeight;
    /** See {@link #maxIter()}. */
    private final IntParam maxIter;
    /** See {@link #cacheSize()}. */
    private final DoubleParam cacheSize;
    /** See {@link #shrinking()}. */
    private final BooleanParam shrinking;
    /** See {@link #featuresCol()}. */
    private final Param<String> featuresCol;
    /** See {@link #labelCol()}. */
    private final Param<String> labelCol;
    /** See {@link #predictionCol()}. */
    private final Param<String> predictionCol;

    /** An estimator with scikit-learn's defaults and a random identifier. */
    public SVC() {
        this(Identifiable.randomUID("svc"));
    }

    /**
     * An estimator with scikit-learn's defaults.
     *
     * @param uid its MLlib identifier, e.g. for saving and loading pipelines
     */
    public SVC(String uid) {
        this.uid = uid;
        c = new DoubleParam(this, "C", "regularisation: penalty of a margin violation (> 0)", ParamValidators.gt(0));
        gamma = new DoubleParam(this, "gamma", "RBF kernel coefficient (> 0); when unset, gammaMode decides",
                ParamValidators.gt(0));
        gammaMode = new Param<>(this, "gammaMode",
                "gamma when gamma is unset: scale = 1 / (n_features * X.var()), auto = 1 / n_features",
                ParamValidators.inArray(List.of("scale", "auto")));
        tol = new DoubleParam(this, "tol", "stopping tolerance of the solver (libsvm's eps, > 0)", ParamValidators.gt(0));
        classWeight = new Param<>(this, "classWeight",
                "none, or balanced: C of class k times n_samples / (n_classes * count_k)",
                ParamValidators.inArray(List.of("none", "balanced")));
        maxIter = new IntParam(this, "maxIter", "iteration limit per pair of classes, -1 for none",
                ParamValidators.gtEq(-1));
        cacheSize = new DoubleParam(this, "cacheSize", "kernel cache per pair of classes in MB (> 0)",
                ParamValidators.gt(0));
        shrinking = new BooleanParam(this, "shrinking", "whether to use the shrinking heuristic");
        featuresCol = new Param<>(this, "featuresCol", "features column name (ml Vector)");
        labelCol = new Param<>(this, "labelCol", "label column name (class numbers)");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        SvcParams defaults = SvcParams.defaults();
        setDefault(c, defaults.c());
        setDefault(gammaMode, "scale");
        setDefault(tol, defaults.tol());
        setDefault(classWeight, "none");
        setDefault(maxIter, -1);
        setDefault(cacheSize, defaults.cacheSizeMb());
        setDefault(shrinking, defaults.shrinking());
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * The regularisation: penalty of a margin violation, positive; 1 by default.
     *
     * @return the param
     */
    public DoubleParam C() {
        return c;
    }

    /**
     * The RBF kernel coefficient, positive; unset by default, so that {@link #gammaMode()} decides.
     *
     * @return the param
     */
    public DoubleParam gamma() {
        return gamma;
    }

    /**
     * How gamma is computed when it is unset: {@code scale} (the default) or {@code auto}.
     *
     * @return the param
     */
    public Param<String> gammaMode() {
        return gammaMode;
    }

    /**
     * The solver's stopping tolerance (libsvm's eps), positive; 0.001 by default.
     *
     * @return the param
     */
    public DoubleParam tol() {
        return tol;
    }

    /**
     * How C is scaled per class: {@code none} (the default) or {@code balanced}.
     *
     * @return the param
     */
    public Param<String> classWeight() {
        return classWeight;
    }

    /**
     * The iteration limit per pair of classes, -1 (the default) for none.
     *
     * @return the param
     */
    public IntParam maxIter() {
        return maxIter;
    }

    /**
     * The kernel cache per pair of classes in MB, positive; 200 by default.
     *
     * @return the param
     */
    public DoubleParam cacheSize() {
        return cacheSize;
    }

    /**
     * Whether the solver uses the shrinking heuristic; true by default.
     *
     * @return the param
     */
    public BooleanParam shrinking() {
        return shrinking;
    }

    /**
     * The name of the features column, an ml {@code Vector}; {@code features} by default.
     *
     * @return the param
     */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /**
     * The name of the label column, whole class numbers; {@code label} by default.
     *
     * @return the param
     */
    public Param<String> labelCol() {
        return labelCol;
    }

    /**
     * The name of the prediction column that the model adds; {@code prediction} by default.
     *
     * @return the param
     */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /**
     * Sets C, the penalty of a margin violation.
     *
     * @param value C, positive
     * @return this estimator
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public SVC setC(double value) {
        set(c, value);
        return this;
    }

    /**
     * Sets a fixed RBF kernel coefficient.
     *
     * @param value the coefficient, positive
     * @return this estimator
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public SVC setGamma(double value) {
        set(gamma, value);
        return this;
    }

    /**
     * A positive number, or "scale" or "auto" (which unsets a fixed gamma).
     *
     * @param value the coefficient or rule; not null
     * @return this estimator
     * @throws IllegalArgumentException if {@code value} is none of them
     */
    public SVC setGamma(String value) {
        Gamma parsed = Gamma.parse(value);
        if (parsed instanceof Gamma.Fixed fixed) {
            return setGamma(fixed.value());
        }
        clear(gamma);
        set(gammaMode, parsed.toString());
        return this;
    }

    /**
     * Sets the solver's stopping tolerance.
     *
     * @param value the tolerance, positive
     * @return this estimator
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public SVC setTol(double value) {
        set(tol, value);
        return this;
    }

    /**
     * "none" or "balanced".
     *
     * @param value the class weight, in any case; not null
     * @return this estimator
     * @throws IllegalArgumentException if {@code value} is neither
     */
    public SVC setClassWeight(String value) {
        set(classWeight, ClassWeight.parse(value).toString());
        return this;
    }

    /**
     * Sets the iteration limit per pair of classes.
     *
     * @param value the limit; -1 or 0 for none
     * @return this estimator
     * @throws IllegalArgumentException if {@code value} is less than -1
     */
    public SVC setMaxIter(int value) {
        set(maxIter, value);
        return this;
    }

    /**
     * Sets the kernel cache per pair of classes.
     *
     * @param megabytes the cache size in MB, positive
     * @return this estimator
     * @throws IllegalArgumentException if {@code megabytes} is not positive
     */
    public SVC setCacheSize(double megabytes) {
        set(cacheSize, megabytes);
        return this;
    }

    /**
     * Sets whether the solver uses the shrinking heuristic.
     *
     * @param value true to shrink
     * @return this estimator
     */
    public SVC setShrinking(boolean value) {
        set(shrinking, value);
        return this;
    }

    /**
     * Names the features column that {@code fit} reads.
     *
     * @param value the column's name
     * @return this estimator
     */
    public SVC setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * Names the label column that {@code fit} reads.
     *
     * @param value the column's name
     * @return this estimator
     */
    public SVC setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    /**
     * Names the prediction column that the fitted model adds.
     *
     * @param value the column's name
     * @return this estimator
     */
    public SVC setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * The solver settings these params describe.
     *
     * @return the settings, with defaults where a param is unset
     */
    public SvcParams svcParams() {
        Gamma kernelGamma = isDefined(gamma) ? new Gamma.Fixed((Double) getOrDefault(gamma))
                : Gamma.parse(getOrDefault(gammaMode));
        int iterations = (Integer) getOrDefault(maxIter);
        return new SvcParams((Double) getOrDefault(c), kernelGamma, (Double) getOrDefault(tol),
                ClassWeight.parse(getOrDefault(classWeight)), iterations == 0 ? -1 : iterations,
                (Double) getOrDefault(cacheSize), (Boolean) getOrDefault(shrinking));
    }

    @Override
    public SVCModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        return fit(LabeledData.collect(dataset, getOrDefault(featuresCol), getOrDefault(labelCol)));
    }

    /**
     * Fits on arrays, no Spark needed.
     *
     * @param data the training data; not null
     * @return the fitted model
     * @throws IllegalArgumentException if the data is empty or holds fewer than two classes
     */
    public SVCModel fit(LabeledData data) {
        return fit(data, new SquaredDistances(data.x()));
    }

    /**
     * Fits on arrays whose pairwise distances are known already, e.g. from the folds of a search: the refit of its
     * best candidate then computes neither the distances nor, while they are kept, that candidate's kernel values.
     * The model is the one {@link #fit(LabeledData)} gives.
     *
     * @param data the training data; not null
     * @param distances the distances between the rows of {@code data}: made from them or from equal rows; not null
     * @return the fitted model
     * @throws IllegalArgumentException if the data is empty or holds fewer than two classes, or {@code distances}
     *                                  were made from other rows
     */
    public SVCModel fit(LabeledData data, SquaredDistances distances) {
        if (distances.points() != data.x() && !Arrays.deepEquals(distances.points(), data.x())) {
            throw new IllegalArgumentException("the distances were computed on other rows than " + data
                    + ": pass distances made from the same data");
        }
        int[] rows = new int[data.y().length];
        Arrays.setAll(rows, i -> i);
        SVCModel model = new SVCModel(uid, RbfSvc.fit(distances, data.y(), rows, svcParams()));
        model.setFeaturesCol(getOrDefault(featuresCol)).setPredictionCol(getOrDefault(predictionCol));
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.require(schema, getOrDefault(featuresCol));
        Columns.require(schema, getOrDefault(labelCol));
        return Columns.withPrediction(schema, getOrDefault(predictionCol));
    }

    @Override
    public SVC copy(ParamMap extra) {
        return (SVC) defaultCopy(extra);
    }
}
