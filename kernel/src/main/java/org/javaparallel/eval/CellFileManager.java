package org.javaparallel.eval;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * javac's file manager as JShell uses it, with two changes.
 * <ul>
 * <li>A repeated {@code --multi-release} option with an unchanged value is dropped. javac sends that option
 * with every compilation task, and javac's file manager answers any file-manager option by discarding its index
 * of the class path's directories: re-indexing the kernel's jars was a large part of every snippet's compile
 * time. Real class path changes (JShell's addToClasspath) still reach javac and still clear the index.</li>
 * <li>The class path is the {@link CompileClassPath}'s, narrowed in place of the kernel JVM's.</li>
 * </ul>
 */
final class CellFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    static final String MULTI_RELEASE = "--multi-release";
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-classpath", "-cp", "--class-path");

    private final CompileClassPath classPath;
    private String multiRelease;

    CellFileManager(StandardJavaFileManager javac, CompileClassPath classPath) {
        super(javac);
        this.classPath = classPath;
        if (classPath.isNarrowed()) {
            javac.handleOption("-classpath", List.of(classPath.narrowed(classPath.kernelClassPath())).iterator());
        }
    }

    @Override
    public synchronized boolean handleOption(String current, Iterator<String> remaining) {
        if (CLASS_PATH_OPTIONS.contains(current) && remaining.hasNext()) {
            return super.handleOption(current, List.of(classPath.narrowed(remaining.next())).iterator());
        }
        if (!MULTI_RELEASE.equals(current) || !remaining.hasNext()) {
            return super.handleOption(current, remaining);
        }
        String value = remaining.next();
        if (value.equals(multiRelease)) {
            return true;
        }
        boolean handled = super.handleOption(current, List.of(value).iterator());
        multiRelease = value;
        return handled;
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return fileManager.isSameFile(a, b);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(Objects.requireNonNull(factory));
    }
}
