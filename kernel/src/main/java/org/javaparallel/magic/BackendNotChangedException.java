package org.javaparallel.magic;

/** {@code %backend spec} failed: the message says why and which backend stays current. */
public class BackendNotChangedException extends RuntimeException {
    public BackendNotChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
