package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * How a fold's predictions are scored: accuracy, computed directly ({@link Accuracy}), or any MLlib Evaluator
 * ({@link WithEvaluator}).
 */
public sealed interface Scoring {
    /**
     * The scoring's name for results, e.g. {@code accuracy}.
     *
     * @return the name
     */
    String name();

    /**
     * Whether a larger score is better.
     *
     * @return true if larger is better
     */
    boolean largerIsBetter();

    /**
     * Scores predictions of the held-out rows against their labels.
     *
     * @param labels the rows' true classes
     * @param predictions the predicted classes, as many as {@code labels}
     * @return the score
     */
    double score(int[] labels, int[] predictions);

    /**
     * The same score as an Evaluator, for searches that Spark runs.
     *
     * @param estimator the searched estimator, whose label and prediction columns the evaluator uses
     * @return the evaluator
     */
    Evaluator evaluator(Params estimator);

    /**
     * The scoring of that name; only {@code accuracy} has one.
     *
     * @param name the name; not null
     * @return the scoring
     * @throws IllegalArgumentException if there is no scoring of that name
     */
    static Scoring of(String name) {
        if (name.equals("accuracy")) {
            return new Accuracy();
        }
        throw new IllegalArgumentException("unknown scoring \"" + name + "\": use \"accuracy\" or pass an MLlib "
                + "Evaluator, e.g. new MulticlassClassificationEvaluator().setMetricName(\"f1\")");
    }

    /** The share of rows predicted right, as sklearn's {@code accuracy}. */
    record Accuracy() implements Scoring {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public double score(int[] labels, int[] predictions) {
            int right = 0;
            for (int i = 0; i < labels.length; i++) {
                right += labels[i] == predictions[i] ? 1 : 0;
            }
            return right / (double) labels.length;
        }

        @Override
        public Evaluator evaluator(Params estimator) {
            MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy");
            if (estimator.hasParam("labelCol")) {
                accuracy.setLabelCol((String) estimator.getOrDefault(estimator.getParam("labelCol")));
            }
            if (estimator.hasParam("predictionCol")) {
                accuracy.setPredictionCol((String) estimator.getOrDefault(estimator.getParam("predictionCol")));
            }
            return accuracy;
        }
    }

    /**
     * Scores with an MLlib Evaluator; locally fitted predictions go through a small DataFrame on the driver.
     *
     * @param evaluator the evaluator; not null
     */
    record WithEvaluator(Evaluator evaluator) implements Scoring {
        @Override
        public String name() {
            return evaluator.getClass().getSimpleName()
                    + (evaluator.hasParam("metricName") ? "(" + evaluator.getOrDefault(evaluator.getParam("metricName")) + ")" : "");
        }

        @Override
        public boolean largerIsBetter() {
            return evaluator.isLargerBetter();
        }

        @Override
        public double score(int[] labels, int[] predictions) {
            String label = column("labelCol", "label");
            String prediction = column("predictionCol", "prediction");
            List<Row> rows = new ArrayList<>(labels.length);
            for (int i = 0; i < labels.length; i++) {
                rows.add(RowFactory.create((double) labels[i], (double) predictions[i]));
            }
            StructType schema = new StructType().add(label, DataTypes.DoubleType).add(prediction, DataTypes.DoubleType);
            return evaluator.evaluate(SparkSession.active().createDataFrame(rows, schema));
        }

        @Override
        public Evaluator evaluator(Params estimator) {
            return evaluator;
        }

        private String column(String param, String fallback) {
            return evaluator.hasParam(param) ? (String) evaluator.getOrDefault(evaluator.getParam(param)) : fallback;
        }
    }
}
