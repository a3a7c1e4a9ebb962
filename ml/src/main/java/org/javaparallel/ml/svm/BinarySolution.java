package org.javaparallel.ml.svm;

/**
 * The dual solution of one binary problem: {@code coefficients[t] = y_t a_t} in problem-row order and the bias
 * {@code rho}; the decision value of x is {@code sum_t coefficients[t] K(x_t, x) - rho}.
 */
record BinarySolution(double[] coefficients, double rho, long iterations, boolean converged) {
}
