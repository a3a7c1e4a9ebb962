package org.javaparallel.display;

/** An output that was displayed and can be replaced in place (Jupyter's update_display_data). */
public final class DisplayHandle {
    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    /**
     * The display id that Jupyter knows this output by.
     *
     * @return the id, never null
     */
    public String id() {
        return id;
    }

    /**
     * Replaces the output with {@code value}, like IPython's {@code handle.update(value)}.
     *
     * @param value what to show instead, as {@link Display#toBundle} turns it into output; may be null
     * @return this handle, for chained updates
     * @throws java.io.UncheckedIOException if an image or chart cannot be encoded as PNG
     */
    public DisplayHandle update(Object value) {
        Display.sink().update(id, Display.toBundle(value).data());
        return this;
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
