package org.javaparallel.eval;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Javadoc of classes and methods whose sources are in jars or folders given to it (the kernel's own API, sources
 * jars that %maven resolved). JShell reads javadoc only from the JDK's src.zip and has no way to add sources, so
 * this parses the source file with javac and takes the doc comment javac keeps. Symbols are named by the
 * signature JShell shows for them ({@code Pool Pools.current()}, {@code java.lang.String demo.Hello.to(java.lang.String)},
 * {@code org.javaparallel.parallel.Pools}); methods are matched by name and the simple names of their
 * parameters' types.
 */
final class SourceJavadoc implements AutoCloseable {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /**
     * Roots given but not indexed yet: they are indexed at the first lookup, not when given, as the kernel gives its
     * own at start, where reading their jars would delay the first cell for javadoc that most sessions never ask for.
     */
    private final Queue<Path> unindexed = new ConcurrentLinkedQueue<>();
    /** Per source root: top-level class name to its files (one per package that has such a class). */
    private final List<Map<String, List<Path>>> roots = new CopyOnWriteArrayList<>();
    private final List<FileSystem> openJars = new CopyOnWriteArrayList<>();
    /** Each file javac parsed, kept: a student inspects the same few classes over and over. */
    private final Map<Path, Optional<ParsedFile>> parsedFiles = new ConcurrentHashMap<>();

    /** Adds a sources jar or a folder of sources; one that cannot be read is left out (javadoc is best effort). */
    void add(Path jarOrFolder) {
        unindexed.add(jarOrFolder);
    }

    /** Indexes the roots given since the last lookup, in the order they were given. */
    private synchronized void indexNewRoots() {
        for (Path root = unindexed.poll(); root != null; root = unindexed.poll()) {
            index(root);
        }
    }

    private void index(Path jarOrFolder) {
        try {
            Path root = jarOrFolder;
            if (Files.isRegularFile(jarOrFolder)) {
                FileSystem jar = FileSystems.newFileSystem(jarOrFolder);
                openJars.add(jar);
                root = jar.getRootDirectories().iterator().next();
            }
            Map<String, List<Path>> byClassName = new ConcurrentHashMap<>();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> byClassName
                        .computeIfAbsent(file.getFileName().toString().replace(".java", ""), name -> new ArrayList<>())
                        .add(file));
            }
            roots.add(byClassName);
        } catch (IOException | UncheckedIOException e) {
            // no javadoc from this root; inspect still shows signatures
        }
    }

    /** The doc comment of the class or method JShell shows as {@code signature}, if its source is here. */
    Optional<String> javadoc(String signature) {
        int parameters = signature.indexOf('(');
        String head = parameters < 0 ? withoutTypeArguments(signature) : signature.substring(0, parameters);
        String qualifiedName = head.substring(head.lastIndexOf(' ') + 1);
        if (parameters < 0) {
            return classDoc(qualifiedName);
        }
        int dot = qualifiedName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty(); // a cell's own method: no source file
        }
        List<String> parameterTypes = parameterTypes(signature.substring(parameters + 1, signature.lastIndexOf(')')));
        String method = qualifiedName.substring(dot + 1);
        return findClass(qualifiedName.substring(0, dot)).flatMap(found -> found.members().stream()
                .filter(member -> member instanceof MethodTree m && m.getName().contentEquals(method)
                        && parameterTypes.equals(m.getParameters().stream()
                        .map(VariableTree::getType).map(type -> simpleType(type.toString())).toList()))
                .findFirst().flatMap(member -> found.docOf(member)));
    }

    private Optional<String> classDoc(String qualifiedName) {
        return findClass(qualifiedName).flatMap(found -> found.docOf(found.type()));
    }

    /** A class, top-level or nested, in a parsed file, and what javac keeps of its file's doc comments. */
    private record FoundClass(ClassTree type, CompilationUnitTree unit, DocTrees trees) {
        List<? extends Tree> members() {
            return type.getMembers();
        }

        Optional<String> docOf(Tree tree) {
            return Optional.ofNullable(trees.getDocComment(TreePath.getPath(unit, tree))).filter(doc -> !doc.isBlank());
        }
    }

    /** {@code a.b.Outer.Inner}, {@code Outer.Inner} or {@code Outer}: the top-level name is the file's name. */
    private Optional<FoundClass> findClass(String qualifiedName) {
        indexNewRoots();
        String[] names = qualifiedName.split("\\.");
        for (int top = names.length - 1; top >= 0; top--) {
            String packagePath = String.join("/", Arrays.asList(names).subList(0, top));
            for (Map<String, List<Path>> root : roots) {
                for (Path file : root.getOrDefault(names[top], List.of())) {
                    if (file.getParent().toString().endsWith(packagePath)) {
                        Optional<FoundClass> found = parse(file, Arrays.asList(names).subList(top, names.length));
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The class {@code classNames} (top-level, then nested) in {@code file}, parsed once per file. */
    private Optional<FoundClass> parse(Path file, List<String> classNames) {
        return parsedFiles.computeIfAbsent(file, SourceJavadoc::parse).flatMap(parsed -> {
            for (CompilationUnitTree unit : parsed.units()) {
                List<? extends Tree> scope = unit.getTypeDecls();
                ClassTree found = null;
                for (String name : classNames) {
                    found = scope.stream().filter(tree -> tree instanceof ClassTree c && c.getSimpleName().contentEquals(name))
                            .map(ClassTree.class::cast).findFirst().orElse(null);
                    if (found == null) {
                        break;
                    }
                    scope = found.getMembers();
                }
                if (found != null) {
                    return Optional.of(new FoundClass(found, unit, parsed.trees()));
                }
            }
            return Optional.empty();
        });
    }

    /** A source file as javac parsed it, with the doc comments javac keeps. */
    private record ParsedFile(List<CompilationUnitTree> units, DocTrees trees) {
    }

    private static Optional<ParsedFile> parse(Path file) {
        try (StandardJavaFileManager files = JAVAC.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) JAVAC.getTask(null, files, diagnostic -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjects(file));
            DocTrees trees = DocTrees.instance(task);
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            return Optional.of(new ParsedFile(units, trees));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The simple names of the parameter types in JShell's parameter list ({@code int beginIndex, String... s}). */
    private static List<String> parameterTypes(String parameterList) {
        List<String> types = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= parameterList.length(); i++) {
            char c = i < parameterList.length() ? parameterList.charAt(i) : ',';
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String parameter = withoutTypeArguments(parameterList.substring(start, i)).strip();
                if (!parameter.isEmpty()) {
                    // "Type name", or "Type" alone when the class file kept no parameter names
                    int space = parameter.lastIndexOf(' ');
                    types.add(simpleType(space < 0 ? parameter : parameter.substring(0, space)));
                }
                start = i + 1;
            }
        }
        return types;
    }

    /** {@code java.util.List<T>} to {@code List}, {@code String...} to {@code String[]}. */
    private static String simpleType(String type) {
        String erased = withoutTypeArguments(type).replace("...", "[]").replace(" ", "");
        return erased.substring(erased.lastIndexOf('.', erased.endsWith("]") ? erased.indexOf('[') : erased.length()) + 1);
    }

    private static String withoutTypeArguments(String text) {
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    @Override
    public void close() {
        for (FileSystem jar : openJars) {
            try {
                jar.close();
            } catch (IOException e) {
                // closing at shutdown: nothing left to do with it
            }
        }
    }
}
