package org.javaparallel.display;

/** An object that knows how to show itself richly in a notebook (tables, progress bars, charts). */
public interface Renderable {
    /**
     * How this object looks in a notebook.
     *
     * @return the output, never null
     */
    MimeBundle render();
}
