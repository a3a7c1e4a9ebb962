package org.javaparallel.kernel;

import java.util.LinkedHashMap;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * A reply whose content is written field by field, with the {@code status} every protocol 5 reply carries;
 * used where the base library's reply classes lack it (history, comm_info, shutdown).
 */
final class ReplyContent extends LinkedHashMap<String, Object> implements ContentType<ReplyContent> {
    private final transient MessageType<?> type;

    ReplyContent(MessageType<?> type) {
        this.type = type;
        put("status", "ok");
    }

    ReplyContent with(String field, Object value) {
        put(field, value);
        return this;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MessageType<ReplyContent> getType() {
        return (MessageType) type;
    }
}
