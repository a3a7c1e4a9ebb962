package org.javaparallel.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Output in one or more MIME types, as Jupyter's display_data carries it; {@code text/plain} is always present. */
public record MimeBundle(Map<String, Object> data) {
    public MimeBundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of("text/plain", text));
    }

    public static MimeBundle html(String html) {
        return new MimeBundle(Map.of("text/html", html, "text/plain", stripTags(html)));
    }

    public static MimeBundle markdown(String markdown) {
        return new MimeBundle(Map.of("text/markdown", markdown, "text/plain", markdown));
    }

    /** A PNG image; {@code description} is what plain-text readers of an export see. */
    public static MimeBundle png(byte[] png, String description) {
        return new MimeBundle(Map.of("image/png", java.util.Base64.getEncoder().encodeToString(png),
                "text/plain", description));
    }

    private static String stripTags(String html) {
        return html.replaceAll("<[^>]*>", "").strip();
    }
}
