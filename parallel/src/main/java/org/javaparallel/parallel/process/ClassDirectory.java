package org.javaparallel.parallel.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The .class files of cell classes, read once each: JShell gives every new definition a new class name. */
final class ClassDirectory {
    private final Path root;
    private final Map<String, byte[]> read = new HashMap<>();

    ClassDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Every cell class so far, by binary name. */
    synchronized Map<String, byte[]> all() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the cell classes in " + root, e);
        }
        for (Path file : files) {
            read.computeIfAbsent(binaryName(file), name -> readBytes(file));
        }
        return Map.copyOf(read);
    }

    /** The bytecode of the class with this internal name (slashes), if it is a cell class. */
    synchronized Optional<byte[]> bytecode(String internalName) {
        String name = internalName.replace('/', '.');
        byte[] known = read.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Path file = root.resolve(internalName + ".class");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] bytes = readBytes(file);
        read.put(name, bytes);
        return Optional.of(bytes);
    }

    private String binaryName(Path file) {
        String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read cell class " + file, e);
        }
    }
}
