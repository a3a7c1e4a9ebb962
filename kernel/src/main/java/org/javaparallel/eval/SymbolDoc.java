package org.javaparallel.eval;

/** What inspect shows of one symbol: its signature as JShell writes it, and its javadoc (null when none was found). */
public record SymbolDoc(String signature, String javadoc) {
    /**
     * A symbol whose {@code rawJavadoc} is a doc comment's text as javac keeps it: each line still indented by the
     * space that followed its {@code *}, which is dropped here.
     */
    static SymbolDoc of(String signature, String rawJavadoc) {
        return new SymbolDoc(signature, rawJavadoc == null || rawJavadoc.isBlank() ? null
                // stripTrailing first: stripIndent counts a last, empty line as indented by nothing
                : rawJavadoc.stripTrailing().stripIndent().strip());
    }
}
