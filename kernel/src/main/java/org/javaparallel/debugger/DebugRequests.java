package org.javaparallel.debugger;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.javaparallel.display.Display;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.javaparallel.parallel.spi.UserNames;

/**
 * The Debug Adapter Protocol requests of the Jupyter debugger protocol, as JupyterLab 4 sends them in
 * {@code debug_request}: each request (a JSON object with {@code seq}, {@code command}, {@code arguments}) gets a
 * DAP response for {@code debug_reply}. Runs on the control channel's thread, which a stopped cell never blocks.
 */
public final class DebugRequests {
    private static final Gson GSON = new Gson();

    private final Debugger debugger;
    private final AtomicInteger seq = new AtomicInteger(1);

    /**
     * The requests of one kernel's debugger.
     *
     * @param debugger the debugger they drive
     */
    public DebugRequests(Debugger debugger) {
        this.debugger = debugger;
    }

    /**
     * Answers one request.
     *
     * @param request the DAP request
     * @return the DAP response: {@code success} and a {@code body}, or {@code success: false} and a {@code message}
     */
    public JsonObject answer(JsonObject request) {
        String command = request.has("command") ? request.get("command").getAsString() : "";
        JsonObject arguments = request.has("arguments") && request.get("arguments").isJsonObject()
                ? request.getAsJsonObject("arguments") : new JsonObject();
        JsonObject response = new JsonObject();
        response.addProperty("seq", seq.getAndIncrement());
        response.addProperty("type", "response");
        response.addProperty("request_seq", request.has("seq") ? request.get("seq").getAsInt() : 0);
        response.addProperty("command", command);
        try {
            JsonObject body = Debugger.outsideProbes(() -> body(command, arguments));
            response.addProperty("success", true);
            response.add("body", body);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {  // also what a cell's toString throws
            response.addProperty("success", false);
            response.addProperty("message", e.getMessage() == null ? e.toString() : e.getMessage());
            response.add("body", new JsonObject());
        }
        return response;
    }

    private JsonObject body(String command, JsonObject arguments) {
        return switch (command) {
            case "initialize" -> initialize();
            case "attach" -> {
                debugger.attach();
                yield new JsonObject();
            }
            case "configurationDone" -> new JsonObject();
            case "debugInfo" -> debugInfo();
            case "dumpCell" -> object("sourcePath", debugger.files().dump(string(arguments, "code")));
            case "setBreakpoints" -> setBreakpoints(arguments);
            case "setExceptionBreakpoints" -> setExceptionBreakpoints(arguments);
            case "threads" -> threads();
            case "stackTrace" -> stackTrace(arguments);
            case "scopes" -> scopes(arguments);
            case "variables" -> variables(arguments);
            case "continue" -> resume(arguments, StoppedThread.Resume.CONTINUE);
            case "next" -> resume(arguments, StoppedThread.Resume.NEXT);
            case "stepIn" -> resume(arguments, StoppedThread.Resume.STEP_IN);
            case "stepOut" -> resume(arguments, StoppedThread.Resume.STEP_OUT);
            case "pause" -> {
                debugger.pause(integer(arguments, "threadId"));
                yield new JsonObject();
            }
            case "evaluate" -> evaluate(arguments);
            case "source" -> source(arguments);
            case "modules" -> {  // JupyterLab's Kernel Sources panel; cells are JShell snippets, not modules
                JsonObject body = object("modules", new JsonArray());
                body.addProperty("totalModules", 0);
                yield body;
            }
            case "inspectVariables" -> {
                if (debugger.stoppedThreads().isEmpty()) {
                    debugger.variables().clear();  // a fresh panel: the references of the last one go
                }
                yield object("variables", topLevel());
            }
            case "richInspectVariables" -> richInspect(arguments);
            case "disconnect" -> {
                debugger.detach();
                yield new JsonObject();
            }
            default -> throw new IllegalArgumentException("the Java kernel's debugger does not know the request '"
                    + command + "'");
        };
    }

    private static JsonObject initialize() {
        JsonObject capabilities = new JsonObject();
        capabilities.addProperty("supportsConfigurationDoneRequest", true);
        capabilities.addProperty("supportsEvaluateForHovers", true);
        capabilities.addProperty("supportsDelayedStackTraceLoading", false);
        JsonObject uncaught = new JsonObject();
        uncaught.addProperty("filter", "uncaught");
        uncaught.addProperty("label", "Uncaught Exceptions");
        uncaught.addProperty("default", false);
        JsonArray filters = new JsonArray();
        filters.add(uncaught);
        capabilities.add("exceptionBreakpointFilters", filters);
        return capabilities;
    }

    private JsonObject debugInfo() {
        JsonObject body = new JsonObject();
        body.addProperty("isStarted", debugger.attached());
        body.addProperty("hashMethod", "Murmur2");
        body.addProperty("hashSeed", CellFiles.HASH_SEED);
        body.addProperty("tmpFilePrefix", debugger.files().prefix());
        body.addProperty("tmpFileSuffix", CellFiles.SUFFIX);
        JsonArray breakpoints = new JsonArray();
        debugger.breakpoints().forEach((path, lines) -> {
            JsonArray list = new JsonArray();
            lines.stream().sorted().forEach(line -> list.add(object("line", line)));
            JsonObject file = object("source", path);
            file.add("breakpoints", list);
            breakpoints.add(file);
        });
        body.add("breakpoints", breakpoints);
        JsonArray stopped = new JsonArray();
        debugger.stoppedThreads().forEach(thread -> stopped.add(thread.id()));
        body.add("stoppedThreads", stopped);
        body.addProperty("richRendering", true);
        JsonArray exceptionPaths = new JsonArray();
        exceptionPaths.add("Java Exceptions");
        body.add("exceptionPaths", exceptionPaths);
        body.addProperty("copyToGlobals", false);
        return body;
    }

    private JsonObject setBreakpoints(JsonObject arguments) {
        String path = arguments.getAsJsonObject("source").get("path").getAsString();
        List<Integer> lines = new ArrayList<>();
        if (arguments.has("breakpoints")) {
            arguments.getAsJsonArray("breakpoints").forEach(bp -> lines.add(bp.getAsJsonObject().get("line").getAsInt()));
        } else if (arguments.has("lines")) {
            arguments.getAsJsonArray("lines").forEach(line -> lines.add(line.getAsInt()));
        }
        List<String> problems = debugger.setBreakpoints(path, lines);
        JsonArray breakpoints = new JsonArray();
        for (int i = 0; i < lines.size(); i++) {
            JsonObject breakpoint = object("line", lines.get(i));
            breakpoint.addProperty("verified", problems.get(i) == null);
            if (problems.get(i) != null) {
                breakpoint.addProperty("message", problems.get(i));
            }
            breakpoint.add("source", object("path", path));
            breakpoints.add(breakpoint);
        }
        return object("breakpoints", breakpoints);
    }

    private JsonObject setExceptionBreakpoints(JsonObject arguments) {
        Set<String> filters = new java.util.HashSet<>();
        if (arguments.has("filters")) {
            arguments.getAsJsonArray("filters").forEach(filter -> filters.add(filter.getAsString()));
        }
        debugger.setStopOnUncaught(filters.contains("uncaught") || filters.contains("raised"));
        return new JsonObject();
    }

    private JsonObject threads() {
        JsonArray threads = new JsonArray();
        debugger.threads().forEach((id, name) -> {
            JsonObject thread = object("id", id);
            thread.addProperty("name", name);
            threads.add(thread);
        });
        return object("threads", threads);
    }

    private JsonObject stackTrace(JsonObject arguments) {
        StoppedThread thread = stopped(arguments);
        JsonArray frames = new JsonArray();
        int start = arguments.has("startFrame") ? arguments.get("startFrame").getAsInt() : 0;
        int levels = arguments.has("levels") ? arguments.get("levels").getAsInt() : 0;
        List<Frame> all = thread.frames();
        for (int i = start; i < all.size() && (levels <= 0 || i < start + levels); i++) {
            Frame frame = all.get(i);
            JsonObject json = object("id", frame.id());
            json.addProperty("name", frame.name());
            json.addProperty("line", frame.line());
            json.addProperty("column", 1);
            if (frame.path() != null) {
                JsonObject source = object("path", frame.path());
                source.addProperty("name", frame.path().substring(frame.path().lastIndexOf('/') + 1));
                json.add("source", source);
            }
            frames.add(json);
        }
        JsonObject body = object("stackFrames", frames);
        body.addProperty("totalFrames", all.size());
        return body;
    }

    private JsonObject scopes(JsonObject arguments) {
        Frame frame = frame(integer(arguments, "frameId"));
        JsonArray scopes = new JsonArray();
        scopes.add(scope("Locals", "locals", new Variables.Named(frame.locals(), frame.localTypes())));
        scopes.add(scope("Globals", "globals", topLevelNamed()));
        return object("scopes", scopes);
    }

    private JsonObject scope(String name, String hint, Variables.Named values) {
        JsonObject scope = object("name", name);
        scope.addProperty("presentationHint", hint);
        scope.addProperty("variablesReference", debugger.variables().reference(values));
        scope.addProperty("expensive", false);
        return scope;
    }

    private JsonObject variables(JsonObject arguments) {
        int start = arguments.has("start") ? arguments.get("start").getAsInt() : 0;
        int count = arguments.has("count") ? arguments.get("count").getAsInt() : 0;
        return object("variables",
                debugger.variables().children(integer(arguments, "variablesReference"), start, count));
    }

    private JsonObject resume(JsonObject arguments, StoppedThread.Resume how) {
        int threadId = integer(arguments, "threadId");
        JsonObject body = new JsonObject();
        if (how == StoppedThread.Resume.CONTINUE) {
            // DAP: continue resumes every thread unless singleThread says otherwise. JupyterLab 4.6 relies on it:
            // it drops the stopped thread from its model first and then asks to continue thread 1.
            boolean singleThread = arguments.has("singleThread") && arguments.get("singleThread").getAsBoolean();
            if (!singleThread) {
                debugger.resumeAll(how);
                body.addProperty("allThreadsContinued", true);
                return body;
            }
            body.addProperty("allThreadsContinued", false);
        }
        if (!debugger.resume(threadId, how)) {
            throw new IllegalArgumentException("thread " + threadId + " is not stopped");
        }
        return body;
    }

    private JsonObject evaluate(JsonObject arguments) {
        String expression = string(arguments, "expression");
        Map<String, Object> scope = new LinkedHashMap<>(topLevelValues());
        if (arguments.has("frameId") && !arguments.get("frameId").isJsonNull()) {
            scope.putAll(frame(integer(arguments, "frameId")).locals());
        }
        Object value = FrameExpression.evaluate(expression, scope);
        JsonObject variable = debugger.variables().variable(expression, value, expression);
        JsonObject body = object("result", variable.get("value").getAsString());
        body.addProperty("type", variable.get("type").getAsString());
        body.addProperty("variablesReference", variable.get("variablesReference").getAsInt());
        return body;
    }

    private JsonObject source(JsonObject arguments) {
        String path = arguments.getAsJsonObject("source").get("path").getAsString();
        try {
            return object("content", debugger.files().read(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("source unavailable: " + e.getMessage(), e);
        }
    }

    private JsonArray topLevel() {
        Variables.Named named = topLevelNamed();
        return debugger.variables().list(named.values(), named.declaredTypes());
    }

    private Map<String, Object> topLevelValues() {
        return topLevelNamed().values();
    }

    /** The top-level variables of the cells, with the types they were declared with. */
    private Variables.Named topLevelNamed() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        CellCode code = debugger.cellCode().get();
        for (TopLevelVariable variable : code.variables()) {
            Field field = field(code, variable);
            values.put(variable.name(), value(field));
            types.put(variable.name(), UserNames.inText(field.getGenericType().getTypeName()));
        }
        return new Variables.Named(values, types);
    }

    private static Field field(CellCode code, TopLevelVariable variable) {
        try {
            Field field = Class.forName(variable.ownerClass(), false, code.loader()).getDeclaredField(variable.field());
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the top-level variable " + variable.name() + " cannot be read: " + e, e);
        }
    }

    private static Object value(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private JsonObject richInspect(JsonObject arguments) {
        String name = string(arguments, "variableName");
        Map<String, Object> scope = new LinkedHashMap<>(topLevelValues());
        if (arguments.has("frameId") && !arguments.get("frameId").isJsonNull()) {
            Frame frame = debugger.frame(arguments.get("frameId").getAsInt());
            if (frame != null) {
                scope.putAll(frame.locals());
            }
        }
        JsonObject body = new JsonObject();
        if (!scope.containsKey(name)) {
            body.add("data", new JsonObject());
        } else {
            JsonElement data = GSON.toJsonTree(Display.toBundle(scope.get(name)).data());
            body.add("data", data);
        }
        body.add("metadata", new JsonObject());
        return body;
    }

    private StoppedThread stopped(JsonObject arguments) {
        int id = integer(arguments, "threadId");
        StoppedThread thread = debugger.stoppedThread(id);
        if (thread == null) {
            throw new IllegalArgumentException("thread " + id + " is not stopped");
        }
        return thread;
    }

    private Frame frame(int id) {
        Frame frame = debugger.frame(id);
        if (frame == null) {
            throw new IllegalArgumentException("no stopped frame " + id + " (its thread runs again)");
        }
        return frame;
    }

    private static int integer(JsonObject arguments, String name) {
        if (!arguments.has(name)) {
            throw new IllegalArgumentException("the request needs the argument '" + name + "'");
        }
        return arguments.get(name).getAsInt();
    }

    private static String string(JsonObject arguments, String name) {
        if (!arguments.has(name)) {
            throw new IllegalArgumentException("the request needs the argument '" + name + "'");
        }
        return arguments.get(name).getAsString();
    }

    private static JsonObject object(String name, Object value) {
        JsonObject object = new JsonObject();
        if (value instanceof JsonElement element) {
            object.add(name, element);
        } else if (value instanceof Number number) {
            object.addProperty(name, number);
        } else {
            object.addProperty(name, String.valueOf(value));
        }
        return object;
    }
}
