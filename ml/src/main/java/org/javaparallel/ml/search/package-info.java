/**
 * Grid and randomized parameter search with cross-validation, like scikit-learn's {@code GridSearchCV} and
 * {@code RandomizedSearchCV}, whose fits run as tasks of any {@link org.javaparallel.parallel.Pool} or as a
 * Spark job. Cell code uses {@link org.javaparallel.ml.search.GridSearch} and {@link
 * org.javaparallel.ml.search.RandomizedSearch}. It depends on {@link org.javaparallel.parallel}, {@link
 * org.javaparallel.display}, Spark MLlib and the other {@code ml} packages.
 */
package org.javaparallel.ml.search;
