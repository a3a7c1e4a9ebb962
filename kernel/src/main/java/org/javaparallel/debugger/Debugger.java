package org.javaparallel.debugger;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.javaparallel.eval.CellInstrumentation;
import org.javaparallel.eval.WrapperLines;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.CellInterrupts;
import org.javaparallel.parallel.spi.UserNames;
import org.objectweb.asm.Type;

/**
 * The debugger's state: the cells' lines, the breakpoints, the threads that step or are stopped. Cell threads call
 * it from the probes ({@link DebugProbes}); the control channel's thread calls it through {@link DebugRequests}.
 * A thread stops alone: the others, pool threads included, go on.
 */
public final class Debugger implements CellInstrumentation, DebugProbes.Listener, AutoCloseable {
    /** Where the debugger's events go: {@code debug_event} messages on iopub. */
    public interface Events {
        /**
         * Sends one DAP event.
         *
         * @param event the event's name ({@code stopped}, {@code continued}, {@code output}...)
         * @param body its body
         */
        void send(String event, JsonObject body);
    }

    /** Where a cell class's lines are: the cell's dumped path and the wrapper's line map, shifted to the cell. */
    private record ClassLines(String path, WrapperLines lines, int lineOffset) {
        int cellLine(int wrapperLine) {
            int line = lines.cellLine(wrapperLine);
            return line == 0 ? 0 : line + lineOffset;
        }
    }

    /** A thread that steps: where it started and how deep its cell stack was. */
    private record Step(StoppedThread.Resume how, int depth, String path, int line) {
        boolean stopsAt(int depthNow, String pathNow, int lineNow) {
            boolean elsewhere = lineNow != line || !java.util.Objects.equals(pathNow, path);
            return switch (how) {
                case STEP_IN -> depthNow != depth || elsewhere;
                case NEXT -> depthNow < depth || depthNow == depth && elsewhere;
                case STEP_OUT -> depthNow < depth;
                default -> true;
            };
        }
    }

    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private final Events events;
    private final Supplier<CellCode> cellCode;
    private final Map<String, ClassLines> linesByClass = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> breakpoints = new ConcurrentHashMap<>();
    private final Map<Thread, Step> steps = new ConcurrentHashMap<>();
    private final Map<Integer, StoppedThread> stopped = new ConcurrentHashMap<>();
    private final Map<Integer, Frame> frames = new ConcurrentHashMap<>();
    /** The threads a {@code thread} event announced to the client, until one says they exited. */
    private final Map<Integer, Thread> announced = new ConcurrentHashMap<>();
    private final AtomicInteger nextFrameId = new AtomicInteger(1);
    private final Variables variables = new Variables();
    private volatile CellFiles files;
    private volatile boolean attached;
    private volatile boolean stopOnUncaught;
    private volatile String runningCell = "";
    private volatile ClassLines compilingLines;
    /** The step of the cell's snippet thread, which the cell's next snippet (another thread) takes over. */
    private volatile Step snippetStep;
    private final ThreadLocal<Boolean> snippetThread = ThreadLocal.withInitial(() -> false);
    private Thread.UncaughtExceptionHandler previousHandler;

    /**
     * A debugger that is off until JupyterLab initializes it.
     *
     * @param events where its DAP events go
     * @param cellCode the kernel's cell code (top-level variables and their class loader), once JShell runs
     */
    public Debugger(Events events, Supplier<CellCode> cellCode) {
        this.events = events;
        this.cellCode = cellCode;
        DebugProbes.listen(this);
    }

    static int threadId(Thread thread) {
        return (int) thread.getId();
    }

    CellFiles files() {
        CellFiles current = files;
        if (current == null) {
            synchronized (this) {
                if (files == null) {
                    files = CellFiles.create();
                }
                current = files;
            }
        }
        return current;
    }

    Variables variables() {
        return variables;
    }

    Supplier<CellCode> cellCode() {
        return cellCode;
    }

    boolean attached() {
        return attached;
    }

    /** Turns the probes on (with the current breakpoints): JupyterLab sent initialize. */
    synchronized void attach() {
        attached = true;
        rearm();
    }

    /** Removes every breakpoint, lets every stopped thread run and turns the probes off. */
    synchronized void detach() {
        attached = false;
        breakpoints.clear();
        steps.clear();
        snippetStep = null;
        setStopOnUncaught(false);
        DebugProbes.arm(null);
        resumeAll(StoppedThread.Resume.CONTINUE);
        announced.clear();
        events.send("terminated", new JsonObject());  // the debugging session is over, as DAP says at its end
    }

    /** Tells the client of a thread it has not heard of, and of the threads it knows that have ended since. */
    private void announceThreads(Thread current) {
        for (Map.Entry<Integer, Thread> known : List.copyOf(announced.entrySet())) {
            if (!known.getValue().isAlive() && announced.remove(known.getKey(), known.getValue())) {
                threadEvent("exited", known.getKey());
            }
        }
        if (current != null && announced.putIfAbsent(threadId(current), current) == null) {
            threadEvent("started", threadId(current));
        }
    }

    private void threadEvent(String reason, int threadId) {
        JsonObject body = new JsonObject();
        body.addProperty("reason", reason);
        body.addProperty("threadId", threadId);
        events.send("thread", body);
    }

    /**
     * The kernel runs a cell: its code names the cell's dumped file.
     *
     * @param code the cell's code, as JupyterLab hashes it
     * @param runsElsewhere whether the cell's backend runs tasks in other JVMs, where nothing stops; asked only
     *                      when breakpoints are set
     */
    public void cellStarting(String code, BooleanSupplier runsElsewhere) {
        runningCell = code;
        compilingLines = null;  // the last cell's line map must not reach this cell's classes
        snippetStep = null;
        if (forgetEndedThreads()) {
            synchronized (this) {
                rearm();  // a step the last cell's final snippet left would keep every probe on
            }
        }
        if (attached) {
            announceThreads(null);  // the threads of the last cell that stopped and have ended since
        }
        if (attached && !breakpoints.isEmpty() && runsElsewhere.getAsBoolean()) {
            output("The debugger stops only code that runs in the kernel's JVM: tasks on worker JVMs and Spark"
                    + " executors run without stopping at breakpoints. Use %backend threads to debug them.\n");
        }
    }

    /** Forgets the steps of threads that ended (a cell's earlier snippets); true if there were any. */
    private boolean forgetEndedThreads() {
        return steps.keySet().removeIf(thread -> !thread.isAlive());
    }

    /** The user interrupted: every stopped thread ends with the cell's interrupt. */
    public void interruptAll() {
        steps.clear();
        snippetStep = null;
        resumeAll(StoppedThread.Resume.INTERRUPT);
    }

    /** A step that did not stop before its snippet ended goes on in the cell's next snippet. */
    @Override
    public void snippetThreadStarted() {
        snippetThread.set(true);
        Step carried = snippetStep;
        if (carried != null) {
            forgetEndedThreads();  // the snippet threads that ended
            steps.put(Thread.currentThread(), carried);
            synchronized (this) {
                rearm();
            }
        }
    }

    @Override
    public boolean wantsLines() {
        return attached;
    }

    @Override
    public void compiling(String cell, WrapperLines lines) {
        String whole = runningCell;
        int at = whole.indexOf(cell);
        int offset = at < 0 ? 0 : (int) whole.substring(0, at).chars().filter(c -> c == '\n').count();
        compilingLines = new ClassLines(files().pathOf(at < 0 ? cell : whole), lines, offset);
    }

    @Override
    public byte[] instrument(String className, byte[] bytecode) {
        if (!attached) {
            // Without the debugger a cell's lines are not mapped (wantsLines), so probes could never be aimed at;
            // weaving them would only cost every cell's compilation and its JIT time.
            return bytecode;
        }
        ClassLines lines = compilingLines;
        if (lines != null) {
            linesByClass.put(className, lines);
        }
        byte[] probed = ProbeWeaver.weave(bytecode);
        // New sites are off in the current plan (and on while a thread steps), so a new plan, which deoptimizes
        // every loop that checks the probes, is needed only for a breakpoint set before its cell ran.
        if (lines != null && breakpoints.containsKey(lines.path())) {
            synchronized (this) {
                rearm();
            }
        }
        return probed;
    }

    /**
     * Sets the breakpoints of one cell file. For each line: null when a probe can stop there (or the cell has not
     * run yet, so nothing is known), else why it cannot.
     */
    synchronized List<String> setBreakpoints(String path, List<Integer> lines) {
        if (lines.isEmpty()) {
            breakpoints.remove(path);
        } else {
            breakpoints.put(path, Set.copyOf(lines));
        }
        rearm();
        Set<Integer> probed = new java.util.HashSet<>();
        boolean ran = false;
        for (ProbeSite site : DebugProbes.sites()) {
            ClassLines classLines = linesByClass.get(site.className());
            if (classLines != null && classLines.path().equals(path)) {
                ran = true;
                probed.add(classLines.cellLine(site.line()));
            }
        }
        List<String> problems = new ArrayList<>();
        for (int line : lines) {
            problems.add(!ran || probed.contains(line) ? null
                    : "no code starts on this line (a brace, a comment, a declaration without a value, or the"
                    + " second line of a statement): the debugger cannot stop here");
        }
        return problems;
    }

    Map<String, Set<Integer>> breakpoints() {
        return Map.copyOf(breakpoints);
    }

    synchronized void setStopOnUncaught(boolean stop) {
        if (stop && !stopOnUncaught) {
            previousHandler = Thread.getDefaultUncaughtExceptionHandler();
            Thread.UncaughtExceptionHandler previous = previousHandler;
            Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
                uncaught(failure);
                if (previous != null) {
                    previous.uncaughtException(thread, failure);
                } else {
                    thread.getThreadGroup().uncaughtException(thread, failure);
                }
            });
        } else if (!stop && stopOnUncaught) {
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        }
        stopOnUncaught = stop;
    }

    private void rearm() {
        if (!attached) {
            return;
        }
        List<ProbeSite> sites = DebugProbes.sites();
        boolean[] armed = new boolean[sites.size()];
        for (int i = 0; i < armed.length; i++) {
            ProbeSite site = sites.get(i);
            ClassLines lines = linesByClass.get(site.className());
            if (lines != null) {
                Set<Integer> inFile = breakpoints.get(lines.path());
                armed[i] = inFile != null && inFile.contains(lines.cellLine(site.line()));
            }
        }
        DebugProbes.arm(new DebugProbes.Plan(armed, !steps.isEmpty()));
    }

    @Override
    public void hit(ProbeSite site, Object[] locals) {
        if (!attached || INSIDE.get()) {
            return; // the debugger's own thread runs cell code (a toString) while showing a variable
        }
        Thread thread = Thread.currentThread();
        ClassLines lines = linesByClass.get(site.className());
        String path = lines == null ? null : lines.path();
        int line = lines == null ? site.line() : lines.cellLine(site.line());
        if (lines != null && line == 0) {
            return; // a line of JShell's wrapper ("return x = x_;"), not of the cell: no step stops there
        }
        Step step = steps.get(thread);
        String reason = null;
        if (step != null && step.stopsAt(cellDepth(), path, line)) {
            reason = step.how() == StoppedThread.Resume.CONTINUE ? "pause" : "step";
        } else if (path != null && breakpoints.getOrDefault(path, Set.of()).contains(line)) {
            reason = "breakpoint";
        }
        if (reason == null) {
            return;
        }
        if (step != null) {
            steps.remove(thread);
            snippetStep = null;
            synchronized (this) {
                rearm();
            }
        }
        Map<String, Object> captured = new LinkedHashMap<>();
        Map<String, String> declared = new LinkedHashMap<>();
        for (int i = 0; i < locals.length; i++) {
            captured.put(site.localNames().get(i), locals[i]);
            declared.put(site.localNames().get(i),
                    UserNames.inText(Type.getType(site.localTypes().get(i)).getClassName()));
        }
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(nextFrameId.getAndIncrement(), displayName(site.methodName()), path, line, captured,
                declared));
        StackWalker.getInstance().walk(walk -> walk
                .filter(frame -> frame.getClassName().startsWith("REPL."))
                .skip(1)
                .map(frame -> frame(frame.getClassName(), frame.getMethodName(), frame.getLineNumber()))
                .toList()).forEach(stack::add);
        stop(thread, reason, null, stack);
    }

    /** Stops on an exception that ends a cell or a thread, when the user asked for it (exception breakpoints). */
    @Override
    public void uncaught(Throwable failure) {
        if (!attached || !stopOnUncaught || INSIDE.get()) {
            return;
        }
        List<Frame> stack = new ArrayList<>();
        for (StackTraceElement element : failure.getStackTrace()) {
            if (element.getClassName().startsWith("REPL.")) {
                stack.add(frame(element.getClassName(), element.getMethodName(), element.getLineNumber()));
            }
        }
        if (!stack.isEmpty()) {
            stop(Thread.currentThread(), "exception", failure, stack);
        }
    }

    private Frame frame(String className, String method, int wrapperLine) {
        ClassLines lines = linesByClass.get(className);
        return new Frame(nextFrameId.getAndIncrement(), displayName(method), lines == null ? null : lines.path(),
                lines == null ? wrapperLine : lines.cellLine(wrapperLine), Map.of(), Map.of());
    }

    private static String displayName(String method) {
        if (method.equals("do_it$")) {
            return "<cell>";
        }
        if (method.startsWith("lambda$")) {
            String[] parts = method.split("\\$");
            return parts.length > 1 ? "lambda in " + (parts[1].equals("do_it") ? "<cell>" : parts[1]) : method;
        }
        return method;
    }

    private static int cellDepth() {
        return StackWalker.getInstance().walk(walk -> walk
                .filter(frame -> frame.getClassName().startsWith("REPL.")).count()).intValue();
    }

    /** Parks this thread until JupyterLab resumes it; publishes stopped and continued. */
    private void stop(Thread thread, String reason, Throwable exception, List<Frame> stack) {
        announceThreads(thread);
        StoppedThread stop = new StoppedThread(thread, stack);
        stack.forEach(frame -> frames.put(frame.id(), frame));
        stopped.put(stop.id(), stop);
        JsonObject body = new JsonObject();
        body.addProperty("reason", reason);
        body.addProperty("threadId", stop.id());
        body.addProperty("allThreadsStopped", false);
        body.addProperty("preserveFocusHint", false);
        if (exception != null) {
            body.addProperty("description", exception.toString());
            body.addProperty("text", exception.toString());
        }
        events.send("stopped", body);
        StoppedThread.Resume how = stop.await();
        stopped.remove(stop.id());
        stack.forEach(frame -> frames.remove(frame.id()));
        if (stopped.isEmpty()) {
            variables.clear();
        }
        JsonObject continued = new JsonObject();
        continued.addProperty("threadId", stop.id());
        continued.addProperty("allThreadsContinued", false);
        events.send("continued", continued);
        switch (how) {
            case INTERRUPT -> throw new CellInterrupts.CellInterruptedError();
            case NEXT, STEP_IN, STEP_OUT -> {
                Frame top = stack.get(0);
                Step step = new Step(how, cellDepth() + (exception == null ? 0 : 1), top.path(), top.line());
                steps.put(thread, step);
                if (snippetThread.get()) {
                    snippetStep = step;
                }
                synchronized (this) {
                    rearm();
                }
            }
            default -> {
            }
        }
    }

    /** Resumes one stopped thread; false when it is not stopped. */
    boolean resume(int threadId, StoppedThread.Resume how) {
        StoppedThread stop = stopped.get(threadId);
        if (stop == null) {
            return false;
        }
        stop.resume(how);
        return true;
    }

    void resumeAll(StoppedThread.Resume how) {
        for (StoppedThread stop : List.copyOf(stopped.values())) {
            stop.resume(how);
        }
    }

    /** The thread stops at its next line of cell code. */
    synchronized void pause(int threadId) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (threadId(thread) == threadId) {
                steps.put(thread, new Step(StoppedThread.Resume.CONTINUE, 0, null, 0));
            }
        }
        rearm();
    }

    Collection<StoppedThread> stoppedThreads() {
        return stopped.values();
    }

    StoppedThread stoppedThread(int id) {
        return stopped.get(id);
    }

    Frame frame(int id) {
        return frames.get(id);
    }

    /** The threads that run cell code now, stopped or not, by id and name. */
    Map<Integer, String> threads() {
        Map<Integer, String> threads = new java.util.TreeMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement element : entry.getValue()) {
                if (element.getClassName().startsWith("REPL.")) {
                    threads.put(threadId(entry.getKey()), entry.getKey().getName());
                    break;
                }
            }
        }
        stopped.values().forEach(stop -> threads.put(stop.id(), stop.thread().getName()));
        return threads;
    }

    /** Runs {@code action} on this (the control) thread with the probes ignoring it: it may run cell code. */
    static <T> T outsideProbes(Supplier<T> action) {
        boolean before = INSIDE.get();
        INSIDE.set(true);
        try {
            return action.get();
        } finally {
            INSIDE.set(before);
        }
    }

    void output(String text) {
        JsonObject body = new JsonObject();
        body.addProperty("category", "console");
        body.addProperty("output", text);
        events.send("output", body);
    }

    @Override
    public void close() {
        detach();
        if (files != null) {
            files.close();
        }
    }

}
