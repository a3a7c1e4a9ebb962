package org.javaparallel.display;

import java.util.Map;

/**
 * Where rich output goes: the kernel installs one that sends display_data / update_display_data to the
 * cell that is running (or that started the calling thread). Outside a kernel nothing is shown.
 */
public interface DisplaySink {
    /**
     * Shows a MIME bundle (e.g. text/plain, text/html, image/png as base64) under the given display id.
     *
     * @param displayId the id for later updates; not null
     * @param mimeBundle the output by MIME type; not null
     */
    void show(String displayId, Map<String, Object> mimeBundle);

    /**
     * Replaces what an earlier {@link #show} with this id displays.
     *
     * @param displayId the id an earlier {@link #show} used; not null
     * @param mimeBundle the new output by MIME type; not null
     */
    void update(String displayId, Map<String, Object> mimeBundle);
}
