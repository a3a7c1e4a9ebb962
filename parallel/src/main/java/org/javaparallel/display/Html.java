package org.javaparallel.display;

/** Text placed into the HTML of an output. */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code &}, {@code <}, {@code >} and {@code "} so that {@code text} shows as it is.
     *
     * @param text the text; not null
     * @return the escaped text
     * @throws NullPointerException if {@code text} is null
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
