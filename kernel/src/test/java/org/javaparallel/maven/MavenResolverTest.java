package org.javaparallel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.javaparallel.kernel.testing.LibraryJar;
import org.javaparallel.kernel.testing.MavenRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenResolverTest {
    @TempDir
    Path scratch;

    @Test
    void resolvesAnArtifactWithItsDependencyFromTheFirstRepositoryThatHasIt() throws IOException, MavenResolutionException {
        Path greet = LibraryJar.build(scratch, "greet", "Greet", "package demo; public class Greet { }");
        Path shout = LibraryJar.build(scratch, "shout", "Shout", "package demo; public class Shout { }");
        MavenRepo repo = new MavenRepo(scratch.resolve("repo"))
                .publish("org.example", "shout", "1.0", shout, List.of())
                .publish("org.example", "greet", "2.1", greet, List.of("org.example:shout:1.0"));
        MavenResolver resolver = new MavenResolver(List.of(scratch.resolve("empty").toUri(), repo.root().toUri()),
                scratch.resolve("cache"));

        List<ResolvedJar> jars = resolver.resolve(List.of(MavenCoordinate.parse("org.example:greet:2.1")));

        assertEquals(List.of("greet-2.1.jar", "shout-1.0.jar"), jars.stream().map(ResolvedJar::fileName).sorted().toList());
        assertEquals(List.of("org.example:greet:2.1", "org.example:shout:1.0"),
                jars.stream().map(jar -> jar.coordinate().toString()).sorted().toList());
    }

    @Test
    void aMissingArtifactNamesItselfAndWhereItWasLookedFor() {
        MavenResolver resolver = new MavenResolver(List.of(scratch.resolve("repo").toUri()), scratch.resolve("cache"));

        MavenResolutionException missing = assertThrows(MavenResolutionException.class,
                () -> resolver.resolve(List.of(MavenCoordinate.parse("org.example:nowhere:9.9"))));

        assertTrue(missing.getMessage().contains("org.example:nowhere:9.9"), missing.getMessage());
        assertTrue(missing.getMessage().contains(scratch.resolve("repo").toUri().toString()), missing.getMessage());
    }

    @Test
    void aRepositoryThatRefusesTheConnectionIsNamedInTheError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MavenResolver resolver = new MavenResolver(List.of(URI.create("http://127.0.0.1:" + closedPort + "/")),
                scratch.resolve("cache"));

        MavenResolutionException refused = assertThrows(MavenResolutionException.class,
                () -> resolver.resolve(List.of(MavenCoordinate.parse("org.example:remote:1.0"))));

        assertTrue(refused.getMessage().contains("Server access error at url http://127.0.0.1:" + closedPort),
                refused.getMessage());
    }

    @Test
    void aCoordinateNeedsGroupArtifactAndVersion() {
        assertEquals(new MavenCoordinate("a.b", "c", "1"), MavenCoordinate.parse(" a.b:c:1 "));
        for (String bad : List.of("a.b:c", "a.b:c:", ":c:1", "a:b:c:d")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MavenCoordinate.parse(bad));
            assertTrue(error.getMessage().contains("group:artifact:version"), error.getMessage());
        }
    }
}
