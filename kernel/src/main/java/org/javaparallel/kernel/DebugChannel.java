package org.javaparallel.kernel;

import com.google.gson.JsonObject;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.javaparallel.debugger.DebugRequests;
import org.javaparallel.debugger.Debugger;

/**
 * The Jupyter debugger protocol's messages: {@code debug_request} (on the control channel, whose thread a
 * stopped cell never holds) answered by {@code debug_reply}, and the debugger's events as {@code debug_event} on
 * iopub. The base library knows none of the three message types, so they are registered here by name.
 */
final class DebugChannel implements Debugger.Events {
    static final MessageType<JsonObject> DEBUG_REQUEST = messageType("debug_request", JsonObject.class);
    static final MessageType<ReplyContent> DEBUG_REPLY = messageType("debug_reply", ReplyContent.class);
    static final MessageType<JsonObject> DEBUG_EVENT = messageType("debug_event", JsonObject.class);

    private final AtomicReference<IOPubChannel> iopub = new AtomicReference<>();
    private final AtomicInteger eventSeq = new AtomicInteger(1);
    private DebugRequests requests;

    void connect(IOPubChannel channel, DebugRequests answering) {
        iopub.set(channel);
        this.requests = answering;
    }

    void handle(ShellReplyEnvironment env, Message<JsonObject> message) {
        env.setBusyDeferIdle();
        JsonObject response = requests.answer(message.getContent());
        ReplyContent reply = new ReplyContent(DEBUG_REPLY);
        for (Map.Entry<String, com.google.gson.JsonElement> field : response.entrySet()) {
            reply.with(field.getKey(), field.getValue());
        }
        env.reply(reply);
        if ("initialize".equals(response.get("command").getAsString()) && response.get("success").getAsBoolean()) {
            send("initialized", new JsonObject());  // DAP: after the reply; JupyterLab opens its sidebar on it
        }
    }

    @Override
    public void send(String event, JsonObject body) {
        IOPubChannel channel = iopub.get();
        if (channel == null) {
            return;
        }
        JsonObject content = new JsonObject();
        content.addProperty("seq", eventSeq.getAndIncrement());
        content.addProperty("type", "event");
        content.addProperty("event", event);
        content.add("body", body);
        // no parent message: the header gets the kernel's own session id when it is sent (MessageDates)
        channel.sendMessage(new Message<>(null, DEBUG_EVENT, content));
    }

    /**
     * A message type the base library lacks. Its constructor is private; making one registers the name, so that
     * incoming messages of that type are read as such (and not as "unknown", whose name is lost).
     */
    @SuppressWarnings("unchecked")
    private static <T> MessageType<T> messageType(String name, Class<T> content) {
        try {
            Constructor<?> constructor = MessageType.class.getDeclaredConstructor(String.class, Class.class);
            constructor.setAccessible(true);
            return (MessageType<T>) constructor.newInstance(name, content);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("jjava-jupyter's MessageType cannot be extended with " + name
                    + " (has the library changed?): " + e);
        }
    }
}
