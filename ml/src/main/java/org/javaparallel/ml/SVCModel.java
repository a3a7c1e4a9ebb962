package org.javaparallel.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.javaparallel.ml.svm.TrainedSvc;

/** A fitted {@link SVC}: {@code transform} adds the predicted class as a double column. */
public final class SVCModel extends Model<SVCModel> {
    /** This model's MLlib identifier, the same as its estimator's. */
    private final String uid;
    /** The fitted classifier. */
    private final TrainedSvc svc;
    /** The name of the features column. */
    private final Param<String> featuresCol;
    /** The name of the prediction column that {@code transform} adds. */
    private final Param<String> predictionCol;

    SVCModel(String uid, TrainedSvc svc) {
        this.uid = uid;
        this.svc = svc;
        featuresCol = new Param<>(this, "featuresCol", "features column name (ml Vector)");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * The param that names the features column ({@code features} by default).
     *
     * @return the param
     */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /**
     * The param that names the prediction column ({@code prediction} by default).
     *
     * @return the param
     */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /**
     * Names the features column that {@code transform} reads.
     *
     * @param value the column's name
     * @return this model
     */
    public SVCModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * Names the prediction column that {@code transform} adds.
     *
     * @param value the column's name
     * @return this model
     */
    public SVCModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * The fitted solver state: classes, support vectors, gamma as resolved.
     *
     * @return the fitted classifier
     */
    public TrainedSvc svc() {
        return svc;
    }

    /**
     * Predicts the class of one sample, without Spark.
     *
     * @param features the sample's features; not null
     * @return the predicted class label
     */
    public int predict(double[] features) {
        return svc.predict(features);
    }

    /**
     * Predicts the class of each sample, without Spark.
     *
     * @param features the samples, one row each; not null
     * @return the predicted class labels, in row order
     */
    public int[] predict(double[][] features) {
        return svc.predict(features);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        TrainedSvc fitted = svc;
        UserDefinedFunction predict = udf((UDF1<Vector, Double>) v -> (double) fitted.predict(v.toArray()),
                DataTypes.DoubleType);
        return dataset.withColumn(getOrDefault(predictionCol), predict.apply(col(getOrDefault(featuresCol))));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.require(schema, getOrDefault(featuresCol));
        return Columns.withPrediction(schema, getOrDefault(predictionCol));
    }

    @Override
    public SVCModel copy(ParamMap extra) {
        return copyValues(new SVCModel(uid, svc), extra).setParent(parent());
    }

    @Override
    public String toString() {
        return "SVCModel[" + uid + ": " + svc.classes().length + " classes, " + svc.supportVectorCount()
                + " support vectors, gamma=" + svc.gamma() + "]";
    }
}
