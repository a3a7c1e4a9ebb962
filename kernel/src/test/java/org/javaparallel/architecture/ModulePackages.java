package org.javaparallel.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which module folder holds which packages, as paths under {@code org/javaparallel/} without the trailing
 * slash ({@code "parallel/spi"}).
 */
record ModulePackages(Map<String, SortedSet<String>> packagesByModule) {
    /** Where each module keeps its main packages, relative to the module folder. */
    static final String SOURCE_ROOT = "src/main/java/org/javaparallel";

    ModulePackages {
        packagesByModule = new TreeMap<>(packagesByModule);
    }

    /** The packages on disk: every folder under a module's {@value #SOURCE_ROOT} that holds a .java file. */
    static ModulePackages onDisk(Path projectRoot) throws IOException {
        Map<String, SortedSet<String>> found = new TreeMap<>();
        try (Stream<Path> modules = Files.list(projectRoot)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve(SOURCE_ROOT))).toList()) {
                found.put(module.getFileName().toString(), packagesUnder(module.resolve(SOURCE_ROOT)));
            }
        }
        return new ModulePackages(found);
    }

    private static SortedSet<String> packagesUnder(Path sourceRoot) throws IOException {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".java"))
                    .map(file -> sourceRoot.relativize(file.getParent()).toString().replace('\\', '/'))
                    .filter(folder -> !folder.isEmpty())
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        }
    }
}
