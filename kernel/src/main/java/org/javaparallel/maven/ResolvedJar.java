package org.javaparallel.maven;

import java.nio.file.Path;

/** The jar of one resolved Maven artifact. */
public record ResolvedJar(MavenCoordinate coordinate, Path file) {
    public String fileName() {
        return file.getFileName().toString();
    }
}
