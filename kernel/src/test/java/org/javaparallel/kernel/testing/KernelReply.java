package org.javaparallel.kernel.testing;

import com.google.gson.JsonObject;

import java.util.List;

/**
 * What the kernel answered to one request: the reply on shell or control (null if none came in time) and
 * every iopub message whose parent is the request, in arrival order.
 */
public record KernelReply(String msgId, JsonObject reply, List<JsonObject> iopub, boolean timedOut) {
    public KernelReply {
        iopub = List.copyOf(iopub);
    }

    /** The reply's content; fails with the request id when no reply came. */
    public JsonObject content() {
        if (reply == null) {
            throw new AssertionError("no reply to request " + msgId + " (iopub so far: " + iopub + ")");
        }
        return reply.getAsJsonObject("content");
    }

    public String status() {
        return content().get("status").getAsString();
    }

    public List<JsonObject> iopubOfType(String msgType) {
        return iopub.stream().filter(m -> m.get("msg_type").getAsString().equals(msgType)).toList();
    }
}
