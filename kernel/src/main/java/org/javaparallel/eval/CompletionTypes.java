package org.javaparallel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Tells what each completion candidate names, for the editor's completer. JShell's suggestions carry only their
 * text, so each is asked about again: a method for its signatures, any other name for the type of the
 * expression it completes.
 */
final class CompletionTypes {
    static final int DESCRIBED = 40;
    private final SourceCodeAnalysis analysis;
    private final Set<String> cellVariables;

    /** {@code cellVariables}: the names of the cells' top-level variables. */
    CompletionTypes(SourceCodeAnalysis analysis, Set<String> cellVariables) {
        this.analysis = analysis;
        this.cellVariables = cellVariables;
    }

    /**
     * The candidates {@code texts}, which complete the snippet {@code before}. Each description costs JShell an
     * analysis, so only the first {@value #DESCRIBED} are described (a screenful of the completer); a prefix such
     * as {@code Math.} has hundreds of matches, and the rest keep their text only.
     */
    List<Completion.Match> describe(String before, List<String> texts) {
        List<Completion.Match> matches = new ArrayList<>(texts.size());
        for (String text : texts) {
            matches.add(matches.size() < DESCRIBED ? describe(before, text) : new Completion.Match(text, "", ""));
        }
        return matches;
    }

    /** The candidate {@code text}, which completes the snippet {@code before}. */
    private Completion.Match describe(String before, String text) {
        int parenthesis = text.indexOf('(');
        if (parenthesis >= 0) {
            String call = before + text.substring(0, parenthesis + 1);
            return new Completion.Match(text, "method", shortSignature(analysis.documentation(call, call.length(), false)));
        }
        if (SourceVersion.isKeyword(text)) {
            return new Completion.Match(text, "keyword", "");
        }
        String expression = before + text;
        String valueType = analysis.analyzeType(expression, expression.length());
        if (valueType != null) {
            boolean ofCell = !before.endsWith(".") && cellVariables.contains(text);
            return new Completion.Match(text, ofCell ? "variable" : "field", valueType + " " + text);
        }
        // a name that is not a value: JShell tells no more, Java's naming convention tells a class from a package
        return new Completion.Match(text, Character.isUpperCase(text.charAt(0)) ? "class" : "package", "");
    }

    /**
     * {@code void java.io.PrintStream.println(java.lang.String x)} to {@code println(String x)}, and how many
     * other overloads there are.
     */
    private static String shortSignature(List<SourceCodeAnalysis.Documentation> overloads) {
        if (overloads.isEmpty()) {
            return "";
        }
        String signature = overloads.get(0).signature();
        int parenthesis = signature.indexOf('(');
        int nameStart = Math.max(signature.lastIndexOf('.', parenthesis), signature.lastIndexOf(' ', parenthesis)) + 1;
        String shortened = signature.substring(nameStart).replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Za-z_$])", "");
        return overloads.size() == 1 ? shortened : shortened + " (+" + (overloads.size() - 1) + " overloads)";
    }
}
