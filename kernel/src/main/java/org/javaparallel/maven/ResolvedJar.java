package org.javaparallel.maven;

import java.nio.file.Path;

/** The jar of one resolved Maven artifact. */
public record ResolvedJar(String group, String artifact, String version, Path file) {
    public String coordinates() {
        return group + ":" + artifact + ":" + version;
    }

    public String fileName() {
        return file.getFileName().toString();
    }
}
