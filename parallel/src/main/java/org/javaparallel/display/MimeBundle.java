package org.javaparallel.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output in one or more MIME types, as Jupyter's display_data carries it; {@code text/plain} is always present.
 *
 * @param data the output by MIME type, e.g. {@code text/html} to the HTML; images as base64 text
 */
public record MimeBundle(Map<String, Object> data) {
    /**
     * Copies {@code data}, keeping its order, into an unmodifiable map.
     *
     * @param data the output by MIME type; not null
     * @throws NullPointerException if {@code data} is null
     */
    public MimeBundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * Plain text.
     *
     * @param text the text; not null
     * @return the bundle
     * @throws NullPointerException if {@code text} is null
     */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of("text/plain", text));
    }

    /**
     * HTML, with its text without tags as the plain-text form.
     *
     * @param html the HTML; not null
     * @return the bundle
     * @throws NullPointerException if {@code html} is null
     */
    public static MimeBundle html(String html) {
        return new MimeBundle(Map.of("text/html", html, "text/plain", stripTags(html)));
    }

    /**
     * Markdown, with the same text as the plain-text form.
     *
     * @param markdown the Markdown text; not null
     * @return the bundle
     * @throws NullPointerException if {@code markdown} is null
     */
    public static MimeBundle markdown(String markdown) {
        return new MimeBundle(Map.of("text/markdown", markdown, "text/plain", markdown));
    }

    /**
     * A PNG image; {@code description} is what plain-text readers of an export see.
     *
     * @param png the bytes of a PNG file; not null
     * @param description the plain-text form; not null
     * @return the bundle
     * @throws NullPointerException if {@code png} or {@code description} is null
     */
    public static MimeBundle png(byte[] png, String description) {
        return new MimeBundle(Map.of("image/png", java.util.Base64.getEncoder().encodeToString(png),
                "text/plain", description));
    }

    private static String stripTags(String html) {
        return html.replaceAll("<[^>]*>", "").strip();
    }
}
