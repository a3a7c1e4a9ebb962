package org.javaparallel.display;

/** An output that was displayed and can be replaced in place (Jupyter's update_display_data). */
public final class DisplayHandle {
    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public DisplayHandle update(Object value) {
        Display.sink().update(id, Display.toBundle(value).data());
        return this;
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
