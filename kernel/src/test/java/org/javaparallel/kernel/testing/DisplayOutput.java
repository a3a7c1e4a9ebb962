package org.javaparallel.kernel.testing;

import com.google.gson.JsonObject;

/** A display_data or update_display_data message: its MIME bundle and the display_id it carries, if any. */
public record DisplayOutput(boolean isUpdate, JsonObject data, String displayId) {
    static DisplayOutput of(JsonObject message) {
        JsonObject content = message.getAsJsonObject("content");
        JsonObject transientPart = content.has("transient") ? content.getAsJsonObject("transient") : new JsonObject();
        String displayId = transientPart.has("display_id") ? transientPart.get("display_id").getAsString() : null;
        return new DisplayOutput(message.get("msg_type").getAsString().equals("update_display_data"),
                content.getAsJsonObject("data"), displayId);
    }

    public String text(String mimeType) {
        return data.has(mimeType) ? data.get(mimeType).getAsString() : null;
    }
}
