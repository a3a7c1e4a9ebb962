package org.javaparallel.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jars on the kernel's own class path. Cells load classes parent-first, so for an artifact the kernel already
 * has, the kernel's jar is the one used, whatever version a cell asks for.
 */
public final class KernelJars {
    private final List<String> fileNames;

    KernelJars(List<String> fileNames) {
        this.fileNames = List.copyOf(fileNames);
    }

    /** The jars of {@code classPath} (a {@code java.class.path} value). */
    public static KernelJars of(String classPath) {
        return new KernelJars(Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(entry -> Path.of(entry).getFileName().toString())
                .toList());
    }

    /**
     * Resolved jars sorted by what the kernel has of them.
     *
     * @param missing      jars of artifacts the kernel lacks: these are the ones to add
     * @param present      jars the kernel has, in the same version
     * @param otherVersion jars of artifacts the kernel has in another version, with the kernel's jar
     */
    public record Sorted(List<ResolvedJar> missing, List<ResolvedJar> present, Map<ResolvedJar, String> otherVersion) {
    }

    public Sorted sort(List<ResolvedJar> jars) {
        List<ResolvedJar> missing = new ArrayList<>();
        List<ResolvedJar> present = new ArrayList<>();
        Map<ResolvedJar, String> otherVersion = new LinkedHashMap<>();
        for (ResolvedJar jar : jars) {
            Optional<String> kernelCopy = copyOf(jar);
            if (kernelCopy.isEmpty()) {
                missing.add(jar);
            } else if (kernelCopy.get().equals(jar.fileName())) {
                present.add(jar);
            } else {
                otherVersion.put(jar, kernelCopy.get());
            }
        }
        return new Sorted(missing, present, otherVersion);
    }

    /**
     * The kernel's jar of the same artifact, in any version: Maven names jars {@code artifact-version.jar}, and a
     * version starts with a digit ({@code commons-io-2.21.0.jar} is commons-io, not commons).
     */
    private Optional<String> copyOf(ResolvedJar jar) {
        String prefix = jar.coordinate().artifact() + "-";
        return fileNames.stream()
                .filter(name -> name.startsWith(prefix) && name.length() > prefix.length()
                        && Character.isDigit(name.charAt(prefix.length())))
                .findFirst();
    }
}
