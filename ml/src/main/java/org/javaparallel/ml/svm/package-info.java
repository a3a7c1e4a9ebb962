/**
 * The RBF support-vector classifier itself, in plain Java: its parameters, an SMO solver and the trained
 * model. {@link org.javaparallel.ml.SVC} and the parameter search use it, so that a fit can run in any pool
 * task without Spark. It depends only on the JDK.
 */
package org.javaparallel.ml.svm;
