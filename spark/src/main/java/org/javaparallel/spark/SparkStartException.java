package org.javaparallel.spark;

/** A SparkSession could not be started; the message says why and what to do. */
public class SparkStartException extends RuntimeException {
    /**
     * A start failure with no underlying exception.
     *
     * @param message why, and what to do
     */
    public SparkStartException(String message) {
        super(message);
    }

    /**
     * A start failure that {@code cause} caused.
     *
     * @param message why, and what to do
     * @param cause what Spark threw; may be null
     */
    public SparkStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
