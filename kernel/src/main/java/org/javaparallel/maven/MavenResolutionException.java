package org.javaparallel.maven;

/** The artifacts could not be resolved; the message says which and where they were looked for. */
public final class MavenResolutionException extends Exception {
    public MavenResolutionException(String message) {
        super(message);
    }
}
