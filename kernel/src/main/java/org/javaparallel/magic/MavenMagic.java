package org.javaparallel.magic;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.javaparallel.maven.KernelJars;
import org.javaparallel.maven.MavenCoordinate;
import org.javaparallel.maven.MavenResolver;
import org.javaparallel.maven.ResolvedJar;

/**
 * {@code %maven [--repo URL]... [--no-central] group:artifact:version...}: resolves Maven artifacts with their
 * runtime dependencies (the local Maven repository, the given repositories, then Maven Central) and adds their
 * jars as {@code %jars} does. Artifacts the kernel already has, in any version, are left out: cells load classes
 * parent-first, so the kernel's copy is the one they would use anyway, and the cell says so. The artifacts' sources
 * jars, where the repositories have them, give inspect their javadoc.
 */
public final class MavenMagic implements Magic {
    @Override
    public String name() {
        return "maven";
    }

    @Override
    public String usage() {
        return "%maven [--repo URL]... [--no-central] group:artifact:version... — add Maven artifacts and their dependencies";
    }

    @Override
    public void line(String args, MagicContext context) throws Exception {
        List<URI> repositories = new ArrayList<>();
        List<MavenCoordinate> coordinates = new ArrayList<>();
        boolean central = true;
        List<String> words = Arrays.stream(args.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--no-central")) {
                central = false;
            } else if (word.equals("--repo")) {
                if (i + 1 == words.size()) {
                    throw new MagicUsageException("%maven: --repo needs a URL or a directory; usage: " + usage());
                }
                repositories.add(repository(words.get(++i)));
            } else if (word.startsWith("-")) {
                throw new MagicUsageException("%maven: unknown option '" + word + "'; usage: " + usage());
            } else {
                try {
                    coordinates.add(MavenCoordinate.parse(word));
                } catch (IllegalArgumentException e) {
                    throw new MagicUsageException("%maven: " + e.getMessage());
                }
            }
        }
        if (coordinates.isEmpty()) {
            throw new MagicUsageException("%maven: name at least one artifact; usage: " + usage());
        }
        MavenResolver resolver = MavenResolver.standard(repositories, central);
        List<ResolvedJar> jars = resolver.resolve(coordinates);
        KernelJars.Sorted sorted = KernelJars.of(System.getProperty("java.class.path")).sort(jars);
        context.out().println("Resolved " + MavenCoordinate.joined(coordinates) + ": " + jars.size() + " jar(s)");
        if (!sorted.present().isEmpty()) {
            context.out().println("Already in the kernel: " + sorted.present().stream().map(ResolvedJar::fileName)
                    .collect(Collectors.joining(", ")));
        }
        if (!sorted.otherVersion().isEmpty()) {
            context.out().println("Left out, since cells load the kernel's own version of these: "
                    + sorted.otherVersion().entrySet().stream()
                            .map(jar -> jar.getKey().coordinate() + " (the kernel has " + jar.getValue() + ")")
                    .collect(Collectors.joining(", ")));
        }
        ClasspathMagic.addEverywhere(sorted.missing().stream().map(ResolvedJar::file).toList(), context);
        resolver.resolveSources(coordinates).forEach(context::addSources);
    }

    /** A URL as given, or a directory as a file: URL. */
    private static URI repository(String text) {
        if (text.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return URI.create(text.endsWith("/") ? text : text + "/");
        }
        return ClasspathMagic.homeExpanded(text).toAbsolutePath().toUri();
    }
}
