package org.javaparallel.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.javaparallel.ml.search.GridSearch;
import org.javaparallel.ml.search.Splitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The MLlib side on a local[2] session: SVC as an Estimator, and a distributed search against CrossValidator. */
@Tag("slow")
class SparkSearchTest {
    private static SparkSession spark;
    private static Dataset<Row> digits;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("ml-tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        digits = Digits.dataFrame(spark).repartition(2).cache();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void svcTransformAddsThePredictionsOfTheArraySolver() {
        SVC svc = new SVC().setC(5).setGamma(0.001).setPredictionCol("digit");
        SVCModel model = svc.fit(digits);
        List<Row> rows = model.transform(digits).select("features", "digit").collectAsList();
        double[][] x = rows.stream().map(r -> ((org.apache.spark.ml.linalg.Vector) r.get(0)).toArray())
                .toArray(double[][]::new);
        double[] viaSpark = rows.stream().mapToDouble(r -> r.getDouble(1)).toArray();
        double[] viaArrays = java.util.Arrays.stream(model.predict(x)).asDoubleStream().toArray();
        assertArrayEquals(viaArrays, viaSpark);
        assertThrows(IllegalArgumentException.class, () -> svc.copy(new ParamMap()).setFeaturesCol("pixels").fit(digits));
    }

    @Test
    void logisticRegressionSearchAgreesWithCrossValidatorOnTheSameFolds() {
        LogisticRegression lr = new LogisticRegression().setMaxIter(5);
        ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), new double[]{0.5, 0.01}).build();
        GridSearch search = new GridSearch(lr, grid).cv(3).parallelism(2).verbose(0).fit(digits);

        int[] labels = digits.select("label").collectAsList().stream().mapToInt(r -> (int) r.getDouble(0)).toArray();
        int[] testFold = new Splitter.StratifiedKFold(3).testFold(labels);
        Dataset<Row> withFolds = spark.createDataFrame(digits.javaRDD().zipWithIndex().map(pair ->
                        org.apache.spark.sql.RowFactory.create(pair._1().get(0), pair._1().get(1),
                                testFold[(int) (long) pair._2()])),
                digits.schema().add("myFold", DataTypes.IntegerType));
        CrossValidatorModel reference = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy"))
                .setFoldCol("myFold").setNumFolds(3).setParallelism(2).fit(withFolds);

        double[] expected = reference.avgMetrics();
        for (int c = 0; c < grid.length; c++) {
            assertEquals(expected[c], search.results().candidates().get(c).meanScore(), 1e-12, "candidate " + c);
        }
        int best = expected[0] >= expected[1] ? 0 : 1;
        assertEquals(grid[best].get(lr.regParam()).get(), search.bestParams().get("regParam"));
        assertEquals(search.bestParams().get("regParam"), ((LogisticRegressionModel) search.bestModel()).getRegParam());
    }
}
