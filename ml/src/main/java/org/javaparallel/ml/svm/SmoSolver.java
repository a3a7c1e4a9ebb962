package org.javaparallel.ml.svm;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Sequential minimal optimisation for the dual of a binary C-SVC,
 * {@code min 1/2 a'Qa - e'a  s.t.  y'a = 0, 0 <= a_t <= C_t}, with {@code Q_st = y_s y_t K(s, t)}.
 *
 * <p>The algorithm is the one described for libsvm by Fan, Chen and Lin (JMLR 6, 2005) and Chang and Lin
 * ("LIBSVM: a library for support vector machines", 2011): second-order working set selection (WSS3),
 * analytic two-variable steps clipped to the box, shrinking of bounded variables that are unlikely to move
 * (with one unshrink when the gap gets within 10 eps), gradient reconstruction from {@code G_bar}, and the
 * bias as the mean of {@code y G} over free variables. Ties are broken towards the later index and columns are
 * rounded to {@code float} as libsvm does, so that on the same problem the iterates are the same as libsvm's.
 *
 * <p>Variables live at positions; shrinking swaps them so that the active ones are the prefix
 * {@code [0, active)}. {@code index[position]} is the problem row. The columns are of the kernel {@code K}, not of
 * {@code Q}: {@code K(s, t)} is at {@code column(s)[key[t]]}, so that a column may be a row of kernel values shared
 * by many problems (keys: data rows) or one of this problem's own (keys: problem rows). The signs are applied here;
 * as multiplying by +-1 is exact and rounding is symmetric, {@code y_s y_t K} gives the bits that a column of
 * {@code Q} rounded to float would.
 *
 * <p>The loops over the active set read the columns of the working pair many times (a column is fetched about
 * six times per fit on the digits), so, like libsvm's cache, the solver keeps its own copies of the columns it
 * fetched in position order, widened to {@code double} (exact): {@code positioned[s][t] = K(s, t)}, kept in order
 * by {@link #swap}. The gradient and {@code G_bar} updates then read their operands in order, which the JIT
 * vectorises; each lane does the scalar loop's multiplies and adds in the same order, so the bits are the same.
 */
final class SmoSolver {
    private static final double TAU = 1e-12;
    private static final byte LOWER = 0;
    private static final byte UPPER = 1;
    private static final byte FREE = 2;

    private final int l;
    private final IntFunction<float[]> kernel;
    private final double cPositive;
    private final double cNegative;
    private final double eps;
    private final long maxIter;
    private final boolean shrinking;

    private final int[] index;
    private final int[] key;
    private final byte[] y;
    /** {@code y} as doubles, for the vectorised updates. */
    private final double[] sign;
    /**
     * Membership of I_up ({@code y = +1} below C or {@code y = -1} above 0) and of I_low, kept with the status:
     * one load per variable in the selection loops instead of a test of the sign and one of the status.
     */
    private final boolean[] inUp;
    private final boolean[] inLow;
    /** Columns in position order, by position; null where not fetched yet or over the budget. */
    private final double[][] positioned;
    /** How many more columns may be kept in {@link #positioned}. */
    private int columnsLeft;
    private final double[] diagonal;
    private final double[] alpha;
    private final byte[] status;
    private final double[] grad;
    private final double[] gradBar;
    private int active;
    private boolean unshrunk;
    private int first;
    private int second;

    /**
     * @param signs      +1 or -1 per problem row
     * @param diagonal   {@code Q_tt} per problem row
     * @param keys       where the value of each problem row is in a kernel column
     * @param kernel     the kernel column of a problem row, indexed by key
     * @param maxIter    iteration limit; libsvm's own default when {@code <= 0}
     * @param columnBytes memory for the columns kept in position order; columns beyond it are copied per use
     */
    SmoSolver(byte[] signs, double[] diagonal, int[] keys, IntFunction<float[]> kernel, double cPositive,
              double cNegative, double eps, long maxIter, boolean shrinking, long columnBytes) {
        this.l = signs.length;
        this.kernel = kernel;
        this.cPositive = cPositive;
        this.cNegative = cNegative;
        this.eps = eps;
        this.maxIter = maxIter > 0 ? maxIter : Math.max(10_000_000L, 100L * l);
        this.shrinking = shrinking;
        // no loops here: a loop in the constructor makes it hot enough for the JIT to compile it on its own,
        // on top of its callers and the helpers, and this JIT time counts in every short search
        this.index = identity(l);
        this.key = keys.clone();
        this.y = signs.clone();
        this.sign = widen(signs);
        // at first every a_t is 0, at its lower bound: I_up holds the y = +1 variables, I_low the y = -1 ones
        this.inUp = signIs(signs, (byte) 1);
        this.inLow = signIs(signs, (byte) -1);
        this.positioned = new double[l][];
        this.columnsLeft = (int) Math.min(l, columnBytes / ((long) Double.BYTES * Math.max(1, l)));
        this.diagonal = diagonal.clone();
        this.alpha = new double[l];
        this.status = new byte[l];
        this.grad = new double[l];
        Arrays.fill(grad, -1);
        this.gradBar = new double[l];
        Arrays.fill(status, LOWER);
        this.active = l;
    }

    private static int[] identity(int length) {
        int[] values = new int[length];
        for (int t = 0; t < length; t++) {
            values[t] = t;
        }
        return values;
    }

    private static double[] widen(byte[] values) {
        double[] wide = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            wide[t] = values[t];
        }
        return wide;
    }

    private static boolean[] signIs(byte[] signs, byte sign) {
        boolean[] is = new boolean[signs.length];
        for (int t = 0; t < signs.length; t++) {
            is[t] = signs[t] == sign;
        }
        return is;
    }

    BinarySolution solve() {
        long iter = 0;
        int untilShrink = Math.min(l, 1000) + 1;
        while (iter < maxIter) {
            if (--untilShrink == 0) {
                untilShrink = Math.min(l, 1000);
                if (shrinking) {
                    shrink();
                }
            }
            if (!selectWorkingSet()) {
                // optimal on the active set: check the whole problem before stopping
                reconstructGradient();
                active = l;
                if (!selectWorkingSet()) {
                    break;
                }
                untilShrink = 1;
            }
            iter++;
            step(first, second);
        }
        boolean converged = iter < maxIter;
        if (!converged) {
            reconstructGradient();
            active = l;
        }
        double[] coefficients = new double[l];
        for (int t = 0; t < l; t++) {
            coefficients[index[t]] = alpha[t] * y[t];
        }
        return new BinarySolution(coefficients, bias(), iter, converged);
    }

    private double c(int t) {
        return y[t] > 0 ? cPositive : cNegative;
    }

    private float[] column(int position) {
        return kernel.apply(index[position]);
    }

    /** {@code K(position, t)} at {@code t}, for every position {@code t}. */
    private double[] positionedColumn(int position) {
        double[] kept = positioned[position];
        if (kept != null) {
            return kept;
        }
        float[] values = column(position);
        double[] inOrder = new double[l];
        for (int t = 0; t < l; t++) {
            inOrder[t] = values[key[t]];
        }
        if (columnsLeft > 0) {
            columnsLeft--;
            positioned[position] = inOrder;
        }
        return inOrder;
    }

    /**
     * WSS3: {@code first} maximises {@code -y G} over I_up; {@code second} minimises the second-order decrease
     * {@code -(b^2)/a} over the I_low members violating with {@code first}. False when the maximal violation
     * {@code m - M} is below eps.
     */
    private boolean selectWorkingSet() {
        double gMax = Double.NEGATIVE_INFINITY;
        int i = -1;
        double[] g = grad;
        double[] s = sign;
        boolean[] up = inUp;
        int n = active;
        for (int t = 0; t < n; t++) {
            double v = -s[t] * g[t];
            if (up[t] && v >= gMax) {
                gMax = v;
                i = t;
            }
        }
        double[] ki = i < 0 ? null : positionedColumn(i);
        double gMaxLow = Double.NEGATIVE_INFINITY;
        double bestDecrease = Double.POSITIVE_INFINITY;
        int j = -1;
        boolean[] low = inLow;
        double[] diag = diagonal;
        double diagI = i < 0 ? 0 : diag[i];
        for (int t = 0; t < n; t++) {
            if (!low[t]) {
                continue;
            }
            double yG = s[t] * g[t];
            if (yG >= gMaxLow) {
                gMaxLow = yG;
            }
            double gradDiff = gMax + yG;
            if (gradDiff > 0) {
                // 2 y_i y_t Q_it = 2 K_it
                double curvature = diagI + diag[t] - 2.0 * ki[t];
                double decrease = -(gradDiff * gradDiff) / (curvature > 0 ? curvature : TAU);
                if (decrease <= bestDecrease) {
                    bestDecrease = decrease;
                    j = t;
                }
            }
        }
        first = i;
        second = j;
        return gMax + gMaxLow >= eps && j != -1;
    }

    private void step(int i, int j) {
        double[] ki = positionedColumn(i);
        double[] kj = positionedColumn(j);
        double ci = c(i);
        double cj = c(j);
        double oldI = alpha[i];
        double oldJ = alpha[j];
        double qij = y[i] * y[j] * ki[j];
        if (y[i] != y[j]) {
            // a_i - a_j stays fixed: move both by delta
            double curvature = diagonal[i] + diagonal[j] + 2 * qij;
            double delta = (-grad[i] - grad[j]) / (curvature > 0 ? curvature : TAU);
            double diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            // the smaller variable reaches 0 first, the one with less room reaches its C first
            if (diff > 0) {
                if (alpha[j] < 0) {
                    alpha[j] = 0;
                    alpha[i] = diff;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = -diff;
            }
            if (diff > ci - cj) {
                if (alpha[i] > ci) {
                    alpha[i] = ci;
                    alpha[j] = ci - diff;
                }
            } else if (alpha[j] > cj) {
                alpha[j] = cj;
                alpha[i] = cj + diff;
            }
        } else {
            // a_i + a_j stays fixed: move them by -delta and +delta
            double curvature = diagonal[i] + diagonal[j] - 2 * qij;
            double delta = (grad[i] - grad[j]) / (curvature > 0 ? curvature : TAU);
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > ci) {
                if (alpha[i] > ci) {
                    alpha[i] = ci;
                    alpha[j] = sum - ci;
                }
            } else if (alpha[j] < 0) {
                alpha[j] = 0;
                alpha[i] = sum;
            }
            if (sum > cj) {
                if (alpha[j] > cj) {
                    alpha[j] = cj;
                    alpha[i] = sum - cj;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = sum;
            }
        }
        updateBoundStatus(i, ki, ci);
        updateBoundStatus(j, kj, cj);
        // Q_ik dI + Q_jk dJ = y_k (K_ik y_i dI + K_jk y_j dJ); local copies of the fields keep the loop simple
        // enough for the JIT to vectorise it
        double signedDeltaI = y[i] * (alpha[i] - oldI);
        double signedDeltaJ = y[j] * (alpha[j] - oldJ);
        double[] g = grad;
        double[] s = sign;
        int n = active;
        for (int k = 0; k < n; k++) {
            g[k] += s[k] * (ki[k] * signedDeltaI + kj[k] * signedDeltaJ);
        }
    }

    /** Keeps {@code G_bar = sum over upper-bounded t of C_t Q_t} right when {@code t} enters or leaves its upper bound. */
    private void updateBoundStatus(int t, double[] kt, double ct) {
        boolean wasUpper = status[t] == UPPER;
        status[t] = alpha[t] >= ct ? UPPER : alpha[t] <= 0 ? LOWER : FREE;
        inUp[t] = y[t] > 0 ? status[t] != UPPER : status[t] != LOWER;
        inLow[t] = y[t] > 0 ? status[t] != LOWER : status[t] != UPPER;
        boolean isUpper = status[t] == UPPER;
        if (wasUpper != isUpper) {
            double signedChange = y[t] * (isUpper ? ct : -ct);
            double[] bar = gradBar;
            double[] s = sign;
            for (int k = 0; k < l; k++) {
                bar[k] += s[k] * (kt[k] * signedChange);
            }
        }
    }

    private void shrink() {
        double gMaxUp = Double.NEGATIVE_INFINITY;
        double gMaxLow = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < active; t++) {
            if (y[t] > 0) {
                if (status[t] != UPPER) {
                    gMaxUp = Math.max(gMaxUp, -grad[t]);
                }
                if (status[t] != LOWER) {
                    gMaxLow = Math.max(gMaxLow, grad[t]);
                }
            } else {
                if (status[t] != UPPER) {
                    gMaxLow = Math.max(gMaxLow, -grad[t]);
                }
                if (status[t] != LOWER) {
                    gMaxUp = Math.max(gMaxUp, grad[t]);
                }
            }
        }
        if (!unshrunk && gMaxUp + gMaxLow <= eps * 10) {
            // close to the end: bring every variable back once so that shrinking mistakes get corrected
            unshrunk = true;
            reconstructGradient();
            active = l;
        }
        for (int t = 0; t < active; t++) {
            if (shrinkable(t, gMaxUp, gMaxLow)) {
                active--;
                while (active > t) {
                    if (!shrinkable(active, gMaxUp, gMaxLow)) {
                        swap(t, active);
                        break;
                    }
                    active--;
                }
            }
        }
    }

    /** A bounded variable whose gradient pushes it further into its bound than any violator pulls. */
    private boolean shrinkable(int t, double gMaxUp, double gMaxLow) {
        if (status[t] == UPPER) {
            return -grad[t] > (y[t] > 0 ? gMaxUp : gMaxLow);
        }
        if (status[t] == LOWER) {
            return grad[t] > (y[t] > 0 ? gMaxLow : gMaxUp);
        }
        return false;
    }

    private void swap(int a, int b) {
        int row = index[a];
        index[a] = index[b];
        index[b] = row;
        int k = key[a];
        key[a] = key[b];
        key[b] = k;
        byte sign = y[a];
        y[a] = y[b];
        y[b] = sign;
        byte bound = status[a];
        status[a] = status[b];
        status[b] = bound;
        swap(diagonal, a, b);
        swap(alpha, a, b);
        swap(grad, a, b);
        swap(gradBar, a, b);
        swap(this.sign, a, b);
        swap(inUp, a, b);
        swap(inLow, a, b);
        // libsvm's swap_index: the kept columns follow their variables, and each keeps its entries in position order
        for (double[] kept : positioned) {
            if (kept != null) {
                swap(kept, a, b);
            }
        }
        double[] column = positioned[a];
        positioned[a] = positioned[b];
        positioned[b] = column;
    }

    private static void swap(boolean[] values, int a, int b) {
        boolean value = values[a];
        values[a] = values[b];
        values[b] = value;
    }

    private static void swap(double[] values, int a, int b) {
        double value = values[a];
        values[a] = values[b];
        values[b] = value;
    }

    /** Gradients of the inactive variables: {@code G = G_bar - e + sum over free t of a_t Q_t}. */
    private void reconstructGradient() {
        if (active == l) {
            return;
        }
        for (int k = active; k < l; k++) {
            grad[k] = gradBar[k] - 1;
        }
        int free = 0;
        for (int t = 0; t < active; t++) {
            if (status[t] == FREE) {
                free++;
            }
        }
        // Q is symmetric: read whichever set of columns is smaller; the sums run in the same order either way
        if (l - active < free) {
            for (int k = active; k < l; k++) {
                float[] kk = column(k);
                for (int t = 0; t < active; t++) {
                    if (status[t] == FREE) {
                        grad[k] += (y[k] * y[t]) * (alpha[t] * kk[key[t]]);
                    }
                }
            }
        } else {
            for (int t = 0; t < active; t++) {
                if (status[t] == FREE) {
                    float[] kt = column(t);
                    for (int k = active; k < l; k++) {
                        grad[k] += (y[k] * y[t]) * (alpha[t] * kt[key[k]]);
                    }
                }
            }
        }
    }

    /** rho: the mean of {@code y G} over free variables, else the middle of the interval the bounded ones allow. */
    private double bias() {
        double upper = Double.POSITIVE_INFINITY;
        double lower = Double.NEGATIVE_INFINITY;
        int free = 0;
        double sumFree = 0;
        for (int t = 0; t < active; t++) {
            double yG = y[t] * grad[t];
            if (status[t] == UPPER) {
                if (y[t] < 0) {
                    upper = Math.min(upper, yG);
                } else {
                    lower = Math.max(lower, yG);
                }
            } else if (status[t] == LOWER) {
                if (y[t] > 0) {
                    upper = Math.min(upper, yG);
                } else {
                    lower = Math.max(lower, yG);
                }
            } else {
                free++;
                sumFree += yG;
            }
        }
        return free > 0 ? sumFree / free : (upper + lower) / 2;
    }
}
