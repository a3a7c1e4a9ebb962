package org.javaparallel.kernel.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder, for tests that read its files or run its scripts. */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    /**
     * The {@code project.root} system property if set (failsafe sets it), else the nearest folder at or above the
     * working directory that holds README.md and pom.xml (surefire runs in the module's folder).
     */
    public static Path find() {
        String configured = System.getProperty("project.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with README.md and pom.xml at or above " + Path.of("").toAbsolutePath());
    }
}
