package org.javaparallel.debugger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files JupyterLab's debugger shows for cells: a cell's code in {@code <folder>/<murmur2 of the code>.java},
 * the path JupyterLab computes itself from {@code debugInfo}. The folder is made private to the user (mode 700)
 * in the user's runtime folder ({@code XDG_RUNTIME_DIR}) or the temp folder, and removed when the kernel exits.
 */
final class CellFiles implements AutoCloseable {
    /** The seed ipykernel uses; any number works, since JupyterLab reads it from debugInfo. */
    static final long HASH_SEED = 0xC70F6907L;
    static final String SUFFIX = ".java";
    /**
     * JupyterLab 4 names a frame or a breakpoint "Cell [n]" (the cell's execution count) only when its file's path
     * contains {@code ipykernel_}; other paths it shows in full, a long temp path for a student to decode. The
     * folder's name carries that marker so that Java cells read as cells too.
     */
    private static final String FOLDER_PREFIX = "java-parallel-cells-ipykernel_";

    private final Path folder;

    private CellFiles(Path folder) {
        this.folder = folder;
    }

    static CellFiles create() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path parent = runtime != null && Files.isDirectory(Path.of(runtime)) && Files.isWritable(Path.of(runtime))
                ? Path.of(runtime) : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(parent, FOLDER_PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(parent, FOLDER_PREFIX);
            return new CellFiles(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the debugger's folder for cell sources in " + parent, e);
        }
    }

    String prefix() {
        return folder + folder.getFileSystem().getSeparator();
    }

    String pathOf(String code) {
        return prefix() + Murmur2.hash(code, HASH_SEED) + SUFFIX;
    }

    /** Writes the cell's code where JupyterLab expects it; returns the path. */
    String dump(String code) {
        String path = pathOf(code);
        try {
            Files.writeString(Path.of(path), code, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cell's source to " + path, e);
        }
        return path;
    }

    /** A dumped cell's code; only files of this folder are read. */
    String read(String path) throws IOException {
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!file.startsWith(folder)) {
            throw new IOException("not a cell source of this kernel: " + path);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: the folder is private to the user and in a temp location
        }
    }
}
