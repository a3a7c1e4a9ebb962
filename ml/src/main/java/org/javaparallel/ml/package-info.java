/**
 * Machine learning for the course's notebooks: an RBF support-vector classifier as a Spark MLlib {@link
 * org.apache.spark.ml.Estimator} ({@link org.javaparallel.ml.SVC}), its model, and the digits data set. Cell
 * code uses it directly. It depends on Spark MLlib and {@link org.javaparallel.ml.svm}.
 */
package org.javaparallel.ml;
