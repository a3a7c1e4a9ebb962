package org.javaparallel.ml;

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
import org.javaparallel.ml.svm.SvcParams;

/**
 * scikit-learn's {@code SVC(kernel="rbf")} as an MLlib Estimator. Fitting collects the (small) data to the
 * driver and runs our libsvm-style solver there; {@link #fit(LabeledData)} does the same without Spark.
 * {@code gamma}, when set, is the kernel coefficient; otherwise {@code gammaMode} ("scale" or "auto") decides.
 */
public final class SVC extends Estimator<SVCModel> {
    private final String uid;
    private final DoubleParam c;
    private final DoubleParam gamma;
    private final Param<String> gammaMode;
    private final DoubleParam tol;
    private final Param<String> classWeight;
    private final IntParam maxIter;
    private final DoubleParam cacheSize;
    private final BooleanParam shrinking;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;

    public SVC() {
        this(Identifiable.randomUID("svc"));
    }

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

    public DoubleParam C() {
        return c;
    }

    public DoubleParam gamma() {
        return gamma;
    }

    public Param<String> gammaMode() {
        return gammaMode;
    }

    public DoubleParam tol() {
        return tol;
    }

    public Param<String> classWeight() {
        return classWeight;
    }

    public IntParam maxIter() {
        return maxIter;
    }

    public DoubleParam cacheSize() {
        return cacheSize;
    }

    public BooleanParam shrinking() {
        return shrinking;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public SVC setC(double value) {
        set(c, value);
        return this;
    }

    public SVC setGamma(double value) {
        set(gamma, value);
        return this;
    }

    /** A positive number, or "scale" or "auto" (which unsets a fixed gamma). */
    public SVC setGamma(String value) {
        Gamma parsed = Gamma.parse(value);
        if (parsed instanceof Gamma.Fixed fixed) {
            return setGamma(fixed.value());
        }
        clear(gamma);
        set(gammaMode, parsed.toString());
        return this;
    }

    public SVC setTol(double value) {
        set(tol, value);
        return this;
    }

    /** "none" or "balanced". */
    public SVC setClassWeight(String value) {
        set(classWeight, ClassWeight.parse(value).toString());
        return this;
    }

    public SVC setMaxIter(int value) {
        set(maxIter, value);
        return this;
    }

    public SVC setCacheSize(double megabytes) {
        set(cacheSize, megabytes);
        return this;
    }

    public SVC setShrinking(boolean value) {
        set(shrinking, value);
        return this;
    }

    public SVC setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public SVC setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public SVC setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /** The solver settings these params describe. */
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

    /** Fits on arrays, no Spark needed. */
    public SVCModel fit(LabeledData data) {
        SVCModel model = new SVCModel(uid, RbfSvc.fit(data.x(), data.y(), svcParams()));
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
