package org.javaparallel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelJarsTest {
    private static ResolvedJar jar(String group, String artifact, String version) {
        return new ResolvedJar(new MavenCoordinate(group, artifact, version),
                Path.of("/cache", artifact + "-" + version + ".jar"));
    }

    @Test
    void sortsResolvedJarsByWhatTheKernelHasOfThem() {
        KernelJars kernel = KernelJars.of(String.join(File.pathSeparator, "/opt/jp/classes",
                "/opt/jp/lib/commons-io-2.21.0.jar", "/opt/jp/lib/gson-2.13.1.jar", "/opt/jp/lib/commons-csv-extra-1.0.jar"));
        ResolvedJar csv = jar("org.apache.commons", "commons-csv", "1.14.0");
        ResolvedJar oldIo = jar("commons-io", "commons-io", "2.20.0");
        ResolvedJar gson = jar("com.google.code.gson", "gson", "2.13.1");

        KernelJars.Sorted sorted = kernel.sort(List.of(csv, oldIo, gson));

        // commons-csv-extra is another artifact: a version starts with a digit
        assertEquals(List.of(csv), sorted.missing());
        assertEquals(List.of(gson), sorted.present());
        assertEquals(Map.of(oldIo, "commons-io-2.21.0.jar"), sorted.otherVersion());
    }
}
