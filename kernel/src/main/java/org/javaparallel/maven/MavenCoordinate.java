package org.javaparallel.maven;

import java.util.List;
import java.util.stream.Collectors;

/** An artifact of a Maven repository, as {@code group:artifact:version}. */
public record MavenCoordinate(String group, String artifact, String version) {

    /** Parses {@code group:artifact:version}; anything else is an error that shows the form expected. */
    public static MavenCoordinate parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not a Maven coordinate: write group:artifact:version,"
                    + " e.g. org.apache.commons:commons-math3:3.6.1");
        }
        return new MavenCoordinate(parts[0], parts[1], parts[2]);
    }

    /** {@code a:b:1, c:d:2} */
    public static String joined(List<MavenCoordinate> coordinates) {
        return coordinates.stream().map(MavenCoordinate::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return group + ":" + artifact + ":" + version;
    }
}
