package org.javaparallel.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc's own markup in the markdown of the contextual help: inline tags become code or their label, and the
 * block tags ({@code @param}, {@code @return}, {@code @throws}) lines a student can read. The HTML of a doc
 * comment stays: markdown renders it.
 */
final class JavadocMarkdown {
    private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal)\\s+([^{}]*)}");
    private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)?\\s+([^\\s{}]+)(?:\\s+([^{}]*))?}");
    private static final Pattern PARAM = Pattern.compile("(?m)^@param\\s+(\\S+)\\s*");
    private static final Pattern THROWS = Pattern.compile("(?m)^@(?:throws|exception)\\s+(\\S+)\\s*");
    private static final Pattern RETURN = Pattern.compile("(?m)^@return\\s*");

    private JavadocMarkdown() {
    }

    static String of(String javadoc) {
        String text = CODE.matcher(javadoc).replaceAll(match -> Matcher.quoteReplacement("`" + match.group(1) + "`"));
        text = LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(2) != null
                ? match.group(2) : "`" + match.group(1).replaceFirst("^#", "").replace('#', '.') + "`"));
        text = PARAM.matcher(text).replaceAll(match -> Matcher.quoteReplacement("\n**Parameter** `" + match.group(1) + "`: "));
        text = THROWS.matcher(text).replaceAll(match -> Matcher.quoteReplacement("\n**Throws** `" + match.group(1) + "`: "));
        return RETURN.matcher(text).replaceAll("\n**Returns** ");
    }
}
