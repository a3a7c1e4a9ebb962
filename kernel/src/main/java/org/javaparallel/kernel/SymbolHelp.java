package org.javaparallel.kernel;

import java.util.List;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.javaparallel.eval.SymbolDoc;

/**
 * The inspect_reply's data for the symbols at the cursor: plain text for consoles, and markdown with each
 * signature in a Java code block for JupyterLab's contextual help. Javadoc is its HTML source, which markdown
 * renders, with javadoc's tags made readable ({@link JavadocMarkdown}).
 */
final class SymbolHelp {
    private SymbolHelp() {
    }

    static DisplayData of(List<SymbolDoc> docs) {
        DisplayData data = new DisplayData();
        data.putText(docs.stream()
                .map(doc -> doc.javadoc() == null ? doc.signature() : doc.signature() + "\n" + doc.javadoc())
                .collect(Collectors.joining("\n\n")));
        data.putMarkdown(docs.stream()
                .map(doc -> "```java\n" + doc.signature() + "\n```\n" + (doc.javadoc() == null ? "" : "\n" + JavadocMarkdown.of(doc.javadoc()) + "\n"))
                .collect(Collectors.joining("\n")));
        return data;
    }
}
