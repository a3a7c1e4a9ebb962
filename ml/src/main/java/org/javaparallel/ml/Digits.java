package org.javaparallel.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The 8x8 hand-written digits of scikit-learn's {@code load_digits()}: 1797 rows of 64 pixel intensities
 * 0..16 and the digit, in the same order, shipped as a classpath resource.
 */
public final class Digits {
    /** The id under which every JVM finds these rows without receiving them (see {@link #load()}). */
    public static final String ID = "classpath:org/javaparallel/ml/digits.csv.gz";
    private static final String RESOURCE = "digits.csv.gz";
    private static volatile LabeledData cached;

    private Digits() {
    }

    /**
     * The rows as arrays; loaded once per JVM (callers must not modify the arrays).
     *
     * @return the 1797 rows, with the id {@link #ID}
     * @throws IllegalStateException if the resource is missing or cannot be read
     */
    public static LabeledData load() {
        LabeledData data = cached;
        if (data == null) {
            data = read();
            cached = data;
        }
        return data;
    }

    /**
     * The rows as a DataFrame with a {@code features} vector column and a double {@code label} column.
     *
     * @param spark the session to create it in; not null
     * @return a DataFrame of the 1797 rows
     * @throws IllegalStateException if the resource is missing or cannot be read
     */
    public static Dataset<Row> dataFrame(SparkSession spark) {
        LabeledData data = load();
        List<Row> rows = new ArrayList<>(data.rows());
        for (int i = 0; i < data.rows(); i++) {
            rows.add(RowFactory.create(Vectors.dense(data.x()[i]), (double) data.y()[i]));
        }
        StructType schema = new StructType()
                .add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static LabeledData read() {
        try (InputStream raw = Digits.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + ID + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",");
                double[] pixels = new double[cells.length - 1];
                for (int j = 0; j < pixels.length; j++) {
                    pixels[j] = Integer.parseInt(cells[j]);
                }
                x.add(pixels);
                y.add(Integer.parseInt(cells[cells.length - 1]));
            }
            return new LabeledData(ID, x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + ID, e);
        }
    }
}
