package org.javaparallel.kernel.testing;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Jupyter client for tests: jupyter_client (Python) starts the installed kernel from its kernelspec and
 * talks the wire protocol; this class drives that bridge ({@code jupyter_bridge.py}) and types its answers.
 * Closing it shuts the kernel down and makes sure neither the bridge nor the kernel outlives the test.
 */
public final class JupyterClient implements AutoCloseable {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BRIDGE_SLACK = Duration.ofSeconds(30);
    private static final String PYTHON = "/usr/bin/python3";
    private static final String BRIDGE_GONE = "\u0000bridge-gone";

    private final Process bridge;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path workDirectory;
    private final JsonObject kernelInfo;
    private long kernelPid;

    private JupyterClient(Process bridge, Path workDirectory) throws IOException {
        this.bridge = bridge;
        this.workDirectory = workDirectory;
        this.commands = new OutputStreamWriter(bridge.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "jupyter-bridge-reader");
        reader.setDaemon(true);
        reader.start();
        JsonObject started = call(command("start")
                .add("kernel_name", InstalledKernel.KERNEL_NAME)
                .add("startup_timeout", 90)
                .add("kernel_log", workDirectory.resolve("kernel.log").toString()), Duration.ofSeconds(90));
        this.kernelPid = started.get("pid").getAsLong();
        this.kernelInfo = started.getAsJsonObject("kernel_info");
    }

    /** Starts the installed kernel the way Jupyter does and waits until it answers kernel_info. */
    public static JupyterClient start(InstalledKernel kernel) throws IOException {
        return start(kernel, List.of());
    }

    /**
     * Starts the installed kernel on another host: {@code launcher} runs the bridge there (and so the kernel it
     * starts), e.g. {@link NetnsHosts#launcher}. The test JVM's SPARK_LOCAL_IP (loopback, set by the build for
     * one-host tests) is not passed on: the kernel must find an address the cluster reaches by itself.
     */
    public static JupyterClient start(InstalledKernel kernel, List<String> launcher) throws IOException {
        return start(kernel, launcher, Map.of());
    }

    /** Starts the installed kernel with {@code environment} added to the test JVM's. */
    public static JupyterClient start(InstalledKernel kernel, Map<String, String> environment) throws IOException {
        return start(kernel, List.of(), environment);
    }

    private static JupyterClient start(InstalledKernel kernel, List<String> launcher, Map<String, String> environment)
            throws IOException {
        Prerequisites.require(Prerequisite.DEBIAN_JUPYTER);
        Path work = kernel.scratchDirectory("kernel");
        List<String> command = new java.util.ArrayList<>(launcher);
        command.addAll(List.of(PYTHON, kernel.testScript("jupyter_bridge.py").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("bridge.log").toFile());
        if (!launcher.isEmpty()) {
            builder.environment().remove("SPARK_LOCAL_IP");
        }
        builder.environment().putAll(kernel.jupyterEnvironment(work));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            return new JupyterClient(process, work);
        } catch (RuntimeException | IOException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
    }

    /** The kernel_info_reply the client got when the kernel became ready. */
    public JsonObject kernelInfo() {
        return kernelInfo;
    }

    public long kernelPid() {
        return kernelPid;
    }

    public boolean isAlive() {
        return call(command("is_alive"), DEFAULT_TIMEOUT).get("alive").getAsBoolean();
    }

    /**
     * True if the kernel answers a silent trivial cell (kept out of the history) within {@code limit}; false when
     * it is still busy with an earlier cell.
     */
    public boolean answersWithin(Duration limit) {
        JsonObject answer = call(command("execute").add("code", "0").add("silent", true).add("store_history", false)
                .add("timeout", seconds(limit)), limit);
        return !answer.get("timed_out").getAsBoolean();
    }

    public ExecuteResult execute(String code) {
        return execute(code, DEFAULT_TIMEOUT);
    }

    /** Runs a cell and waits for its reply and its idle status. */
    public ExecuteResult execute(String code, Duration timeout) {
        return new ExecuteResult(reply(call(command("execute").add("code", code).add("timeout", seconds(timeout)),
                timeout)));
    }

    /** Sends a cell without waiting; pair with {@link #collect}. Returns the request's msg_id. */
    public String sendExecute(String code) {
        return call(command("send_execute").add("code", code), DEFAULT_TIMEOUT).get("msg_id").getAsString();
    }

    /** Waits up to timeout for the reply and idle status of an earlier {@link #sendExecute}. */
    public ExecuteResult collect(String msgId, Duration timeout) {
        return new ExecuteResult(reply(call(command("collect").add("msg_id", msgId).add("timeout", seconds(timeout)),
                timeout)));
    }

    /** Waits until the kernel published a message of msgType (e.g. execute_input) for request msgId. */
    public boolean awaitIopub(String msgId, String msgType, Duration timeout) {
        return call(command("wait_iopub").add("msg_id", msgId).add("msg_type", msgType)
                .add("timeout", seconds(timeout)), timeout).get("seen").getAsBoolean();
    }

    /** Sends any request (complete_request, inspect_request, ...) on shell and waits for reply and idle. */
    public KernelReply request(String msgType, JsonObject content) {
        return reply(call(command("request").add("msg_type", msgType).add("content", content)
                .add("channel", "shell").add("timeout", seconds(DEFAULT_TIMEOUT)), DEFAULT_TIMEOUT));
    }

    /** Interrupts through jupyter_client: the kernelspec's interrupt_mode decides how (message for ours). */
    public void interruptViaClient() {
        call(command("interrupt").add("mode", "message"), DEFAULT_TIMEOUT);
    }

    /** Interrupts by sending SIGINT to the kernel process, as a terminal's Ctrl+C would. */
    public void interruptViaSignal() {
        call(command("interrupt").add("mode", "signal"), DEFAULT_TIMEOUT);
    }

    /**
     * Interrupts {@code delayMillis} after the kernel published {@code msgType} for request {@code msgId}, timed in
     * the client process; {@code mode} is "message" or "signal". False if the message never came.
     */
    public boolean interruptAfter(String msgId, String msgType, long delayMillis, String mode) {
        return call(command("interrupt_after").add("msg_id", msgId).add("msg_type", msgType)
                .add("delay_ms", delayMillis).add("mode", mode), DEFAULT_TIMEOUT).get("seen").getAsBoolean();
    }

    /** Sends kernel_info_request signed with a wrong key; true if the kernel answered it anyway. */
    public boolean wrongSignatureGotReply(Duration wait) {
        return call(command("wrong_signature").add("timeout", seconds(wait)), wait).get("reply_received").getAsBoolean();
    }

    /** All iopub messages received so far (waiting drain first for late ones), whatever their parent. */
    public List<JsonObject> iopubLog(Duration drain) {
        return call(command("iopub_log").add("drain_seconds", seconds(drain)), drain).getAsJsonArray("messages")
                .asList().stream().map(JsonElement::getAsJsonObject).toList();
    }

    /** Sends shutdown_request on control; the answer's "exited" and "exit_code" tell how the process ended. */
    public JsonObject shutdown(Duration timeout) {
        return call(command("shutdown").add("restart", false).add("timeout", seconds(timeout)), timeout.multipliedBy(2));
    }

    /** Restarts the kernel as Jupyter's restart button does; returns the new kernel_info_reply. */
    public JsonObject restart() {
        JsonObject answer = call(command("restart").add("startup_timeout", 90), Duration.ofSeconds(120));
        kernelPid = answer.get("pid").getAsLong();
        return answer.getAsJsonObject("kernel_info");
    }

    /** The kernel's stdout and stderr so far, for failure messages. */
    public String kernelLog() {
        try {
            Path log = workDirectory.resolve("kernel.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "<kernel log unreadable: " + e + ">";
        }
    }

    @Override
    public void close() {
        try {
            if (bridge.isAlive()) {
                call(command("close"), Duration.ofSeconds(30));
            }
        } catch (RuntimeException e) {
            // the bridge is stopped below either way
        } finally {
            try {
                if (!bridge.waitFor(10, TimeUnit.SECONDS)) {
                    bridge.descendants().forEach(ProcessHandle::destroyForcibly);
                    bridge.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessHandle.of(kernelPid)
                    .filter(p -> p.info().commandLine().orElse("").contains("org.javaparallel.kernel.KernelMain"))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    // ---------------------------------------------------------------- bridge protocol

    private static final class Command {
        private final JsonObject json = new JsonObject();

        Command add(String key, Object value) {
            json.add(key, new Gson().toJsonTree(value));
            return this;
        }
    }

    private static Command command(String name) {
        return new Command().add("cmd", name);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static KernelReply reply(JsonObject answer) {
        JsonElement reply = answer.get("reply");
        List<JsonObject> iopub = answer.getAsJsonArray("iopub").asList().stream()
                .map(JsonElement::getAsJsonObject).toList();
        return new KernelReply(answer.get("msg_id").getAsString(),
                reply == null || reply.isJsonNull() ? null : reply.getAsJsonObject(), iopub,
                answer.get("timed_out").getAsBoolean());
    }

    private synchronized JsonObject call(Command command, Duration timeout) {
        String name = command.json.get("cmd").getAsString();
        try {
            commands.write(command.json + "\n");
            commands.flush();
            String line = answers.poll(timeout.plus(BRIDGE_SLACK).toMillis(), TimeUnit.MILLISECONDS);
            if (BRIDGE_GONE.equals(line)) {
                answers.add(BRIDGE_GONE);
                throw new IOException("the bridge process ended");
            }
            if (line == null) {
                throw new IllegalStateException("the Jupyter bridge did not answer '" + name + "' within "
                        + timeout.plus(BRIDGE_SLACK) + "; bridge log: " + workDirectory.resolve("bridge.log"));
            }
            JsonObject answer = JsonParser.parseString(line).getAsJsonObject();
            if (!answer.get("ok").getAsBoolean()) {
                throw new IllegalStateException("bridge command '" + name + "' failed: " + answer.get("error").getAsString()
                        + (answer.has("trace") ? "\n" + answer.get("trace").getAsString() : ""));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("the Jupyter bridge is gone (command '" + name + "'); bridge log: "
                    + workDirectory.resolve("bridge.log") + "\n" + kernelLog(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bridge", e);
        }
    }

    private void readAnswers() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(bridge.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                answers.add(line);
            }
        } catch (IOException e) {
            // the bridge ended: call() reports it
        } finally {
            answers.add(BRIDGE_GONE);
        }
    }
}
