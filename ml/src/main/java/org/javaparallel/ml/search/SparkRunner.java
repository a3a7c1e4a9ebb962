package org.javaparallel.ml.search;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/**
 * Cross-validates a distributed MLlib estimator the way MLlib's CrossValidator does with a fold column: for each
 * fold, train = rows of other folds and test = rows of that fold, both cached; the fits run as Spark jobs
 * submitted from {@code parallelism} driver threads, so the same folds give CrossValidator's metrics.
 */
final class SparkRunner implements FitRunner {
    private final Estimator<?> estimator;
    private final List<ParamMap> candidates;
    private final Dataset<?> data;
    private final int parallelism;
    private final int[] labels;

    /** Collects the label column: the folds are drawn from it on the driver, as for any search. */
    SparkRunner(Estimator<?> estimator, List<ParamMap> candidates, Dataset<?> data, int parallelism) {
        this.estimator = estimator;
        this.candidates = candidates;
        this.data = data;
        this.parallelism = parallelism;
        String labelColumn = estimator.hasParam("labelCol")
                ? (String) estimator.getOrDefault(estimator.getParam("labelCol")) : "label";
        this.labels = collectLabels(data, labelColumn);
    }

    @Override
    public int rows() {
        return labels.length;
    }

    @Override
    public FoldScores crossValidate(Splitter splitter, Scoring scoring, Runnable onFitDone) {
        String foldColumn = freeColumnName(data);
        Dataset<Row> withFolds = withFoldColumn(data, splitter.testFold(labels), foldColumn);
        return run(withFolds, foldColumn, splitter.folds(), scoring.evaluator(estimator), onFitDone);
    }

    @Override
    public Model<?> refit(ParamMap candidate) {
        return (Model<?>) estimator.fit(data, candidate);
    }

    /** The data with an int column {@code foldColumn} holding each row's test fold (row order = partition order). */
    private static Dataset<Row> withFoldColumn(Dataset<?> data, int[] testFold, String foldColumn) {
        Dataset<Row> frame = data.toDF();
        JavaRDD<Row> rows = frame.javaRDD().zipWithIndex().map(pair -> {
            Row row = pair._1();
            Object[] values = new Object[row.length() + 1];
            for (int i = 0; i < row.length(); i++) {
                values[i] = row.get(i);
            }
            values[row.length()] = testFold[(int) (long) pair._2()];
            return RowFactory.create(values);
        });
        return frame.sparkSession().createDataFrame(rows, frame.schema().add(foldColumn, DataTypes.IntegerType, false));
    }

    /** Each row's label as an int, in the order {@link #withFoldColumn} numbers the rows. */
    private static int[] collectLabels(Dataset<?> data, String labelColumn) {
        List<Row> rows = data.toDF().select(labelColumn).collectAsList();
        return rows.stream().mapToInt(row -> (int) Math.round(((Number) row.get(0)).doubleValue())).toArray();
    }

    private static String freeColumnName(Dataset<?> data) {
        String name = "fold";
        while (Arrays.asList(data.columns()).contains(name)) {
            name = "_" + name;
        }
        return name;
    }

    private FoldScores run(Dataset<Row> withFolds, String foldColumn, int folds, Evaluator evaluator,
                           Runnable onFitDone) {
        FoldScores scores = FoldScores.empty(candidates.size(), folds);
        List<Dataset<Row>> cached = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, parallelism), runnable -> {
            Thread thread = new Thread(runnable, "search-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> fits = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                Dataset<Row> train = withFolds.filter(col(foldColumn).notEqual(f)).cache();
                Dataset<Row> test = withFolds.filter(col(foldColumn).equalTo(f)).cache();
                cached.add(train);
                cached.add(test);
                for (int c = 0; c < candidates.size(); c++) {
                    int candidate = c;
                    int fold = f;
                    fits.add(threads.submit(() -> {
                        ParamMap params = candidates.get(candidate);
                        long start = System.nanoTime();
                        Model<?> model = (Model<?>) estimator.fit(train, params);
                        scores.fitSeconds()[candidate][fold] = (System.nanoTime() - start) / 1e9;
                        scores.testScores()[candidate][fold] = evaluator.evaluate(model.transform(test, params));
                        onFitDone.run();
                    }));
                }
            }
            for (Future<?> fit : fits) {
                fit.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cross-validating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a cross-validation fit failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
            cached.forEach(Dataset::unpersist);
        }
        return scores;
    }
}
