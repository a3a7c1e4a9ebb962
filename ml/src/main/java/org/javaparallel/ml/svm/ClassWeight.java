package org.javaparallel.ml.svm;

import java.util.Locale;

/** How C is scaled per class: {@code BALANCED} multiplies it by {@code n_samples / (n_classes * count)}. */
public enum ClassWeight {
    /** Every class gets the same C. */
    NONE,
    /** C of class k is multiplied by {@code n_samples / (n_classes * count_k)}, as sklearn's "balanced". */
    BALANCED;

    /**
     * "none" (or "None", as sklearn writes it) or "balanced".
     *
     * @param text the name, in any case; not null
     * @return the class weight
     * @throws IllegalArgumentException if {@code text} is neither
     * @throws NullPointerException if {@code text} is null
     */
    public static ClassWeight parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "balanced" -> BALANCED;
            default -> throw new IllegalArgumentException(
                    "classWeight must be \"none\" or \"balanced\", not \"" + text + "\"");
        };
    }

    /** The weights of the classes {@code 0..counts.length-1} given how often each occurs. */
    double[] weights(int[] counts) {
        double[] weights = new double[counts.length];
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        for (int k = 0; k < counts.length; k++) {
            weights[k] = this == NONE ? 1.0 : total / (double) (counts.length * counts[k]);
        }
        return weights;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
