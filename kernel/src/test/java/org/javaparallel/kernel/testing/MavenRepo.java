package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A Maven repository in a directory, with the layout and POMs a real one has: a stand-in for Maven Central. */
public record MavenRepo(Path root) {

    /** Publishes {@code jar} as {@code group:artifact:version}, depending on {@code dependencies} (g:a:v each). */
    public MavenRepo publish(String group, String artifact, String version, Path jar, List<String> dependencies)
            throws IOException {
        Path directory = Files.createDirectories(
                root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
        Files.copy(jar, directory.resolve(artifact + "-" + version + ".jar"));
        String dependencyXml = dependencies.stream().map(coordinate -> coordinate.split(":"))
                .map(p -> "<dependency><groupId>" + p[0] + "</groupId><artifactId>" + p[1] + "</artifactId><version>"
                        + p[2] + "</version></dependency>")
                .collect(Collectors.joining());
        Files.writeString(directory.resolve(artifact + "-" + version + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><packaging>jar</packaging>
                <dependencies>%s</dependencies></project>
                """.formatted(group, artifact, version, dependencyXml));
        return this;
    }

    /** Publishes {@code sourcesJar} as the {@code sources} classifier of an artifact published before. */
    public MavenRepo publishSources(String group, String artifact, String version, Path sourcesJar) throws IOException {
        Path directory = root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.copy(sourcesJar, directory.resolve(artifact + "-" + version + "-sources.jar"));
        return this;
    }
}
