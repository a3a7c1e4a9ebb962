package org.javaparallel.spark;

/** A SparkSession could not be started; the message says why and what to do. */
public class SparkStartException extends RuntimeException {
    public SparkStartException(String message) {
        super(message);
    }

    public SparkStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
