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

    public static void installSink(DisplaySink newSink) {
        sink = newSink == null ? DISCARD : newSink;
    }

    static DisplaySink sink() {
        return sink;
    }

    public static DisplayHandle display(Object value) {
        DisplayHandle handle = new DisplayHandle(UUID.randomUUID().toString());
        sink.show(handle.id(), toBundle(value).data());
        return handle;
    }

    public static MimeBundle html(String html) {
        return MimeBundle.html(html);
    }

    public static MimeBundle markdown(String markdown) {
        return MimeBundle.markdown(markdown);
    }

    public static MimeBundle png(byte[] png) {
        return MimeBundle.png(png, "<PNG image, " + png.length + " bytes>");
    }

    /** How a value looks in a notebook: the richest form it has. */
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
