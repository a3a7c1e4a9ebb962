package org.javaparallel.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A small labelled data set as plain arrays: {@code x[i]} are the features of row {@code i}, {@code y[i]} its class.
 * {@code id} names the data for JVM-local caches (see {@link org.javaparallel.ml.search.SharedData}): two objects
 * with the same id must hold the same rows.
 *
 * @param id the data's name for caches; two objects with the same id hold the same rows
 * @param x the features, one row per sample, all of the same length; not null
 * @param y the class of each row; not null, as long as {@code x}
 * @serial exclude
 */
public record LabeledData(String id, double[][] x, int[] y) implements Serializable {
    /**
     * Checks that the arrays fit together. The arrays are kept, not copied.
     *
     * @param id the data's name for caches
     * @param x the features, one row per sample, all of the same length; not null
     * @param y the class of each row; not null, as long as {@code x}
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length or the rows in length
     * @throws NullPointerException if {@code x} or {@code y} is null
     */
    public LabeledData {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length + " labels");
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, row 0 has "
                        + x[0].length);
            }
        }
    }

    /**
     * Data with a fresh id.
     *
     * @param x the features, one row per sample, all of the same length; not null
     * @param y the class of each row; not null, as long as {@code x}
     * @return the data
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length or the rows in length
     */
    public static LabeledData of(double[][] x, int[] y) {
        return new LabeledData(UUID.randomUUID().toString(), x, y);
    }

    /**
     * Collects a DataFrame's vector column and class-number column to the driver.
     *
     * @param data the DataFrame; not null
     * @param featuresColumn the name of its ml {@code Vector} column
     * @param labelColumn the name of its numeric column of whole class numbers
     * @return the data, with a fresh id
     * @throws IllegalArgumentException if a label is not a whole number (a missing column makes Spark throw its
     *         {@code AnalysisException})
     */
    public static LabeledData collect(Dataset<?> data, String featuresColumn, String labelColumn) {
        List<Row> rows = data.toDF().select(featuresColumn, labelColumn).collectAsList();
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < y.length; i++) {
            x[i] = ((Vector) rows.get(i).get(0)).toArray();
            double label = ((Number) rows.get(i).get(1)).doubleValue();
            if (label != Math.rint(label)) {
                throw new IllegalArgumentException("label column \"" + labelColumn + "\" must hold class numbers, row "
                        + i + " has " + label);
            }
            y[i] = (int) label;
        }
        return of(x, y);
    }

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return y.length;
    }

    /**
     * The number of features per row.
     *
     * @return the number of features; 0 for no rows
     */
    public int features() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /**
     * The labels as doubles, the type MLlib uses.
     *
     * @return a new array, one label per row
     */
    public double[] labels() {
        return Arrays.stream(y).asDoubleStream().toArray();
    }

    @Override
    public String toString() {
        return "LabeledData[" + id + ": " + rows() + " rows x " + features() + " features]";
    }
}
