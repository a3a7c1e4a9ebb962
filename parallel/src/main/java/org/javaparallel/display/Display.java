package org.javaparallel.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The {@code display(...)} helper of cells: shows text, HTML, Markdown, PNG images, charts and
 * {@link Renderable}s, and returns a handle whose {@code update(...)} replaces the output in place.
 */
public final class Display {
    private static final DisplaySink DISCARD = new DisplaySink() {
        @Override
        public void show(String displayId, Map<String, Object> mimeBundle) {
        }

        @Override
        public void update(String displayId, Map<String, Object> mimeBundle) {
        }
    };
    private static volatile DisplaySink sink = DISCARD;

    private Display() {
    }

    /**
     * Installs where output goes; the kernel calls this at start-up.
     *
     * @param newSink the sink; null restores the default, which discards output
     */
    public static void installSink(DisplaySink newSink) {
        sink = newSink == null ? DISCARD : newSink;
    }

    static DisplaySink sink() {
        return sink;
    }

    /**
     * Shows {@code value} below the running cell, like IPython's {@code display(value)}.
     *
     * @param value what to show, as {@link #toBundle} turns it into output; null shows {@code null}
     * @return a handle to replace the output later, never null
     * @throws java.io.UncheckedIOException if an image or chart cannot be encoded as PNG
     */
    public static DisplayHandle display(Object value) {
        DisplayHandle handle = new DisplayHandle(UUID.randomUUID().toString());
        sink.show(handle.id(), toBundle(value).data());
        return handle;
    }

    /**
     * HTML to display, like IPython's {@code HTML(...)}.
     *
     * @param html the HTML; not null
     * @return the bundle, with the text of the HTML as its plain-text form
     * @throws NullPointerException if {@code html} is null
     */
    public static MimeBundle html(String html) {
        return MimeBundle.html(html);
    }

    /**
     * Markdown to display, like IPython's {@code Markdown(...)}.
     *
     * @param markdown the Markdown text; not null
     * @return the bundle
     * @throws NullPointerException if {@code markdown} is null
     */
    public static MimeBundle markdown(String markdown) {
        return MimeBundle.markdown(markdown);
    }

    /**
     * A PNG image to display, like IPython's {@code Image(data)}.
     *
     * @param png the bytes of a PNG file; not null
     * @return the bundle
     * @throws NullPointerException if {@code png} is null
     */
    public static MimeBundle png(byte[] png) {
        return MimeBundle.png(png, "<PNG image, " + png.length + " bytes>");
    }

    /**
     * How a value looks in a notebook: the richest form it has.
     *
     * Bundles are kept, {@link Renderable}s render themselves, images and XChart charts become PNG, and
     * anything else is shown as {@code String.valueOf(value)}.
     *
     * @param value what to show; may be null
     * @return the bundle, never null
     * @throws java.io.UncheckedIOException if an image or chart cannot be encoded as PNG
     */
    public static MimeBundle toBundle(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value instanceof Renderable renderable) {
            return renderable.render();
        }
        if (value instanceof BufferedImage image) {
            return MimeBundle.png(encode(image), "<image " + image.getWidth() + "x" + image.getHeight() + ">");
        }
        if (value instanceof Chart<?, ?> chart) {
            return MimeBundle.png(encode(BitmapEncoder.getBufferedImage(chart)),
                    "<chart: " + chart.getTitle() + ">");
        }
        return MimeBundle.text(String.valueOf(value));
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
    }
}
