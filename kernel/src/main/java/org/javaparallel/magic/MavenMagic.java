package org.javaparallel.magic;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.javaparallel.maven.MavenCoordinate;
import org.javaparallel.maven.MavenResolver;

/**
 * {@code %maven [--repo URL]... [--no-central] group:artifact:version...}: resolves Maven artifacts with their
 * runtime dependencies (the local Maven repository, the given repositories, then Maven Central) and adds their
 * jars as {@code %jars} does. Jars the kernel already has (same file name) are left out: the kernel's copy is
 * the one cells would load anyway.
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
        List<Path> jars = resolver.resolve(coordinates);
        Set<String> kernelJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName()).filter(name -> name != null).map(Path::toString)
                .collect(Collectors.toSet());
        List<Path> provided = jars.stream().filter(jar -> kernelJars.contains(jar.getFileName().toString())).toList();
        List<Path> added = jars.stream().filter(jar -> !provided.contains(jar)).toList();
        context.out().println("Resolved " + coordinates.stream().map(MavenCoordinate::toString)
                .collect(Collectors.joining(", ")) + ": " + jars.size() + " jar(s)");
        if (!provided.isEmpty()) {
            context.out().println("Already in the kernel: " + provided.stream().map(jar -> jar.getFileName().toString())
                    .collect(Collectors.joining(", ")));
        }
        ClasspathMagic.addEverywhere(added, context);
    }

    /** A URL as given, or a directory as a file: URL. */
    private static URI repository(String text) {
        if (text.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return URI.create(text.endsWith("/") ? text : text + "/");
        }
        return Path.of(text.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath().toUri();
    }
}
