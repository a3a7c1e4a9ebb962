package org.javaparallel.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.UserNames;

/**
 * Evaluates cells with JShell in this JVM: splits a cell into snippets, runs them, and reports the final
 * expression's value as an object, or the first failure with cell-relative positions.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** javac's codes for "package ... does not exist" and "cannot access ...: class file for ... not found". */
    private static final Set<String> MISSING_TYPE_CODES =
            Set.of("compiler.err.doesnt.exist", "compiler.err.cant.access");

    private final CellClassStore store;
    private final CellExecutionControl control;
    private final JShell shell;
    private final CompileClassPath classPath;
    private final SourceJavadoc sources = new SourceJavadoc();
    private boolean compilingAgainstWholeClassPath;

    private final CellInstrumentation instrumentation;

    private JShellEvaluator(CellClassStore store, CompileClassPath classPath, PrintStream console,
                            Runnable onCellThread, CellInstrumentation instrumentation) {
        this.store = store;
        this.classPath = classPath;
        this.instrumentation = instrumentation;
        this.compilingAgainstWholeClassPath = !classPath.isNarrowed();
        this.control = new CellExecutionControl(store, () -> {
            onCellThread.run();
            instrumentation.snippetThreadStarted();
        }, instrumentation::uncaught);
        this.shell = JShell.builder()
                .executionEngine(new ExecutionControlProvider() {
                    @Override
                    public String name() {
                        return "java-parallel";
                    }

                    @Override
                    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                        return control;
                    }
                }, Map.of())
                .compilerOptions(compilerOptions())
                .fileManager(javac -> new CellFileManager(javac, classPath))
                .out(console)
                .err(console)
                .build();
    }

    /**
     * Starts JShell; the {@code startup} snippets (imports, helpers; one snippet each) run first;
     * {@code onCellThread} runs at the start of every thread that runs a snippet; {@code instrumentation} adds
     * to the classes this JVM defines for cells (the debugger's probes).
     */
    public static JShellEvaluator start(List<String> startup, CompileClassPath classPath, PrintStream console,
                                        Runnable onCellThread, CellInstrumentation instrumentation) {
        JShellEvaluator evaluator = new JShellEvaluator(
                CellClassStore.inTemporaryDirectory(JShellEvaluator.class.getClassLoader(), instrumentation),
                classPath, console, onCellThread, instrumentation);
        for (String snippet : startup) {
            CellOutcome outcome =
                    evaluator.run(snippet, 0, new CellSplitter.Piece(snippet, 0, Completeness.COMPLETE), true);
            if (!(outcome instanceof CellOutcome.Success)) {
                throw new IllegalStateException("kernel start-up snippet failed: " + snippet + " -> " + outcome);
            }
        }
        return evaluator;
    }

    /**
     * JShell passes these options to every compilation. The class path is not among them: {@link CellFileManager}
     * gives javac the compile class path once, and repeating it per task makes javac re-index every jar on each
     * snippet.
     */
    private static String[] compilerOptions() {
        // -g: local variable tables, as Maven compiles; Aparapi names an OpenCL kernel's variables after them and
        // cannot translate a cell's method without one
        List<String> options = new ArrayList<>(List.of("-g"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            options.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        return options.toArray(String[]::new);
    }

    /**
     * JShell's source analysis, made on first use: making it starts JShell's indexing of every jar of the class
     * path on a background thread (for completion), which start-up should not compete with. The kernel's
     * start-up snippets are single snippets and run without it.
     */
    private SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    public CellCode cellCode() {
        return store;
    }

    /**
     * Starts a cell: stop requests from before it are forgotten. The kernel calls this once per cell, before
     * any of its code is compiled, so that an interrupt that arrives while the cell compiles still stops it.
     */
    public void beginCell() {
        control.beginCell();
    }

    public CellOutcome evaluate(String cell, int cellNumber) {
        List<CellSplitter.Piece> pieces = CellSplitter.split(analysis(), cell);
        CellOutcome outcome = new CellOutcome.Success(false, null);
        for (int i = 0; i < pieces.size(); i++) {
            CellSplitter.Piece piece = pieces.get(i);
            if (piece.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
                int line = CellSplitter.lineOf(cell, piece.offset());
                return new CellOutcome.CompileError("the cell ends inside an unfinished statement or block"
                        + " (a missing ';', ')' or '}'?)", line, 1, CellSplitter.lineText(cell, line));
            }
            outcome = run(cell, cellNumber, piece, i == pieces.size() - 1);
            if (!(outcome instanceof CellOutcome.Success)) {
                return outcome;
            }
        }
        return outcome;
    }

    private CellOutcome run(String cell, int cellNumber, CellSplitter.Piece piece, boolean last) {
        List<SnippetEvent> events = List.of();
        store.evaluating(cellNumber);
        if (instrumentation.wantsLines()) {
            announceLines(cell, piece);
        }
        try {
            events = shell.eval(piece.source());
            return outcome(cell, cellNumber, piece, last, events);
        } finally {
            forgetValueTemporaries(events);
            store.snippetRan(liveVariableNames());
        }
    }

    private CellOutcome outcome(String cell, int cellNumber, CellSplitter.Piece piece, boolean last,
                                List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            store.snippetFrom(snippet.id(),
                    new FailureTrace.Origin(cellNumber, CellSplitter.lineOf(cell, piece.offset())));
            if (event.status() == Snippet.Status.REJECTED) {
                if (widenClassPathFor(snippet)) {
                    return run(cell, cellNumber, piece, last);
                }
                return compileError(cell, piece, snippet);
            }
            if (control.wasStopped()) {
                return new CellOutcome.Interrupted();
            }
            if (event.exception() != null) {
                return runtimeError(event.exception());
            }
            if (last && showsValue(snippet)) {
                return new CellOutcome.Success(true, control.lastValue());
            }
        }
        return new CellOutcome.Success(false, null);
    }

    /**
     * Drops the variable JShell made to hold an expression's value ({@code $12} for {@code 1+1}): the kernel has
     * the value already and shows it as the cell's result, and notebooks never name these variables. Each one
     * kept would be imported into every later snippet, and javac reads each imported class again in every
     * compilation (JShell compiles a snippet up to three times), so every cell got slower than the one before.
     */
    private void forgetValueTemporaries(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.snippet() instanceof VarSnippet temporary
                    && temporary.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(temporary).isActive()) {
                shell.drop(temporary);
                store.forget(temporary.name());
            }
        }
    }

    /** Tells the instrumentation where the lines of the piece's wrapper class are in the cell. */
    private void announceLines(String cell, CellSplitter.Piece piece) {
        List<SourceCodeAnalysis.SnippetWrapper> wrappers = analysis().wrappers(piece.source());
        if (!wrappers.isEmpty()) {
            instrumentation.compiling(cell, WrapperLines.of(wrappers.get(0), piece.source(),
                    CellSplitter.lineOf(cell, piece.offset())));
        }
    }

    /**
     * A snippet rejected because a package or class file is missing is compiled again once, against the whole
     * kernel class path; nothing of it ran.
     */
    private boolean widenClassPathFor(Snippet snippet) {
        if (compilingAgainstWholeClassPath || shell.diagnostics(snippet).noneMatch(
                diag -> diag.isError() && MISSING_TYPE_CODES.contains(diag.getCode()))) {
            return false;
        }
        compilingAgainstWholeClassPath = true;
        shell.addToClasspath(classPath.deferredEntries());
        return true;
    }

    private static boolean showsValue(Snippet snippet) {
        if (snippet.kind() == Snippet.Kind.EXPRESSION) {
            return true;
        }
        return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && !"void".equals(((VarSnippet) snippet).typeName());
    }

    private CellOutcome compileError(String cell, CellSplitter.Piece piece, Snippet snippet) {
        Optional<Diag> firstError = shell.diagnostics(snippet).filter(Diag::isError).findFirst();
        if (firstError.isEmpty()) {
            String unresolved = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                    .collect(Collectors.joining(", "));
            return new CellOutcome.CompileError("cannot define this: it needs " + unresolved, 
                    CellSplitter.lineOf(cell, piece.offset()), 1,
                    CellSplitter.lineText(cell, CellSplitter.lineOf(cell, piece.offset())));
        }
        Diag diag = firstError.get();
        int position = piece.offset() + (int) Math.max(0, diag.getStartPosition());
        int line = CellSplitter.lineOf(cell, position);
        return new CellOutcome.CompileError(firstLines(diag.getMessage(Locale.ROOT)), line,
                CellSplitter.columnOf(cell, position), CellSplitter.lineText(cell, line));
    }

    /** javac's message and its "symbol:" line; the "location: class" line names a JShell wrapper. */
    private static String firstLines(String message) {
        return message.lines()
                .filter(line -> !line.strip().startsWith("location:"))
                .map(String::strip)
                .collect(Collectors.joining("; "));
    }

    private CellOutcome runtimeError(Exception exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String missing = shell.unresolvedDependencies(unresolved.getSnippet())
                    .collect(Collectors.joining(", "));
            return new CellOutcome.Unresolved("'" + unresolved.getSnippet().name()
                    + "' cannot run yet: define " + missing + " first");
        }
        if (exception instanceof ExecutionControl.StoppedException || control.lastFailure() == null) {
            if (exception instanceof EvalException eval) {
                return runtimeError(eval.getExceptionClassName(), eval, eval);
            }
            return new CellOutcome.Interrupted();
        }
        Throwable failure = control.lastFailure();
        return runtimeError(failure.getClass().getName(), failure, exception);
    }

    /** The failure with the names the user wrote ("Boom"), not JShell's ("REPL.$JShell$37$Boom"). */
    private CellOutcome.RuntimeError runtimeError(String className, Throwable failure, Throwable translated) {
        return new CellOutcome.RuntimeError(UserNames.inText(className), UserNames.inText(failure.getMessage()),
                failure, FailureTrace.lines(failure, translated, store.originsBySnippetId()));
    }

    private Set<String> liveVariableNames() {
        return shell.variables().map(VarSnippet::name).collect(Collectors.toSet());
    }

    /** Stops the running cell, if any. */
    public void stop() {
        control.stop();
    }

    public void addToClasspath(Path jarOrDirectory) {
        shell.addToClasspath(jarOrDirectory.toString());
    }

    public IsComplete isComplete(String cell) {
        List<CellSplitter.Piece> pieces = CellSplitter.split(analysis(), cell);
        for (CellSplitter.Piece piece : pieces) {
            switch (piece.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return IsComplete.INCOMPLETE;
                }
                case UNKNOWN -> {
                    return IsComplete.INVALID;
                }
                default -> {
                }
            }
        }
        return IsComplete.COMPLETE;
    }

    public Completion complete(String cell, int cursor) {
        int start = snippetStart(cell, cursor);
        String snippet = cell.substring(start, cursor);
        int[] anchor = new int[1];
        SourceCodeAnalysis analysis = analysis();
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis.completionSuggestions(snippet, snippet.length(), anchor);
        boolean anyOfExpectedType = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        CompletionTypes types = new CompletionTypes(analysis, liveVariableNames());
        String before = snippet.substring(0, anchor[0]);
        List<Completion.Match> matches = types.describe(before, suggestions.stream()
                .filter(s -> !anyOfExpectedType || s.matchesType())
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList());
        return new Completion(matches, start + anchor[0], cursor);
    }

    /**
     * Signatures and javadoc of the symbol at the cursor: anywhere in its name, at its end, or just after its
     * {@code (}. Javadoc comes from the JDK's src.zip through JShell, else from the sources given to
     * {@link #addSources}.
     */
    public List<SymbolDoc> inspect(String cell, int cursor) {
        int end = SymbolAtCursor.endOfName(cell, cursor);
        int start = snippetStart(cell, end);
        String snippet = cell.substring(start, end);
        SourceCodeAnalysis analysis = analysis();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty()) {
            // JShell documents a method only from inside its argument list
            docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
        }
        return docs.stream().map(doc -> SymbolDoc.of(doc.signature(), Optional.ofNullable(doc.javadoc())
                .filter(javadoc -> !javadoc.isBlank())
                .or(() -> sources.javadoc(doc.signature()))
                .orElse(null))).toList();
    }

    /** Adds a sources jar or folder whose javadoc inspect shows (the kernel's API, libraries added by %maven). */
    public void addSources(Path jarOrFolder) {
        sources.add(jarOrFolder);
    }

    private int snippetStart(String cell, int cursor) {
        int start = 0;
        for (CellSplitter.Piece piece : CellSplitter.split(analysis(), cell.substring(0, cursor))) {
            start = piece.offset();
        }
        return start;
    }

    @Override
    public void close() {
        shell.close();
        sources.close();
        store.close();
    }
}
