package org.javaparallel.magic;

/** A magic was called wrongly; the message says what was wrong and what is accepted. */
public class MagicUsageException extends RuntimeException {
    public MagicUsageException(String message) {
        super(message);
    }
}
