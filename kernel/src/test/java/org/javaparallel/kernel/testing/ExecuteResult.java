package org.javaparallel.kernel.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outcome of one execute_request as a notebook shows it: streams, result, displays, error. */
public record ExecuteResult(KernelReply raw) {

    /** The execute_reply's status: ok, error or abort. */
    public String status() {
        return raw.status();
    }

    public String stdout() {
        return stream("stdout");
    }

    public String stderr() {
        return stream("stderr");
    }

    private String stream(String name) {
        return raw.iopubOfType("stream").stream()
                .map(m -> m.getAsJsonObject("content"))
                .filter(c -> c.get("name").getAsString().equals(name))
                .map(c -> c.get("text").getAsString())
                .collect(Collectors.joining());
    }

    public int streamMessageCount() {
        return raw.iopubOfType("stream").size();
    }

    /** The execute_result's MIME bundle, if the cell ended in an expression with a value. */
    public Optional<JsonObject> resultData() {
        return raw.iopubOfType("execute_result").stream().findFirst()
                .map(m -> m.getAsJsonObject("content").getAsJsonObject("data"));
    }

    /** The execute_result's text/plain; fails if there was none. */
    public String resultText() {
        JsonObject data = resultData().orElseThrow(() -> new AssertionError("no execute_result; " + describe()));
        return data.get("text/plain").getAsString();
    }

    public List<DisplayOutput> displays() {
        return raw.iopub().stream()
                .filter(m -> m.get("msg_type").getAsString().matches("(update_)?display_data"))
                .map(DisplayOutput::of)
                .toList();
    }

    public Optional<KernelError> error() {
        return raw.iopubOfType("error").stream().findFirst().map(m -> {
            JsonObject c = m.getAsJsonObject("content");
            List<String> traceback = c.has("traceback")
                    ? c.getAsJsonArray("traceback").asList().stream().map(JsonElement::getAsString).toList()
                    : List.of();
            return new KernelError(c.get("ename").getAsString(), c.get("evalue").getAsString(), traceback);
        });
    }

    /** The error; fails with what the cell did instead if there was none. */
    public KernelError requireError() {
        return error().orElseThrow(() -> new AssertionError("expected an error; " + describe()));
    }

    /** A readable summary for assertion messages. */
    public String describe() {
        return "status=" + (raw.reply() == null ? "<no reply>" : status())
                + ", stdout=" + abbreviate(stdout()) + ", stderr=" + abbreviate(stderr())
                + ", result=" + resultData().map(Object::toString).orElse("<none>")
                + ", error=" + error().map(KernelError::text).map(ExecuteResult::abbreviate).orElse("<none>");
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? '"' + text + '"' : '"' + text.substring(0, 400) + "...\" (" + text.length() + " chars)";
    }
}
