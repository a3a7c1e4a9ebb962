package org.javaparallel.ml;

import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Schema checks shared by {@link SVC} and {@link SVCModel}. */
final class Columns {
    private Columns() {
    }

    static void require(StructType schema, String column) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("column \"" + column + "\" is missing; the data has "
                    + Arrays.toString(schema.fieldNames()));
        }
    }

    static StructType withPrediction(StructType schema, String column) {
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("prediction column \"" + column + "\" already exists: choose another "
                    + "name with setPredictionCol");
        }
        return schema.add(column, DataTypes.DoubleType, false);
    }
}
