package org.javaparallel.kernel;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.CompleteReply;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.javaparallel.display.Display;
import org.javaparallel.display.DisplayHandle;
import org.javaparallel.debugger.Debugger;
import org.javaparallel.eval.Completion;
import org.javaparallel.eval.JShellEvaluator;
import org.javaparallel.eval.SymbolDoc;
import org.javaparallel.kernel.io.CellOutput;
import org.javaparallel.kernel.io.OutputRouter;
import org.javaparallel.kernel.lifecycle.KernelLifecycle;
import org.javaparallel.magic.MagicRegistry;
import org.javaparallel.parallel.BackendSpec;
import org.javaparallel.parallel.Backends;
import org.javaparallel.parallel.spi.CellInterrupts;

/**
 * The Jupyter kernel: the base library's message handling, with cells evaluated by JShell in this JVM,
 * output routed per cell, magics, and interrupt that stops the running cell.
 */
public final class JavaParallelKernel extends BaseKernel {
    private static final long OUTPUT_LIMIT_BYTES = 20L * 1024 * 1024;
    private static final String PLAIN_TEXT = "text/plain";

    private final CompletableFuture<JShellEvaluator> evaluator;
    private final OutputRouter router;
    private final MagicRegistry magics;
    private final CellHistory history;
    private final List<KernelLifecycle> lifecycle;
    private final Debugger debugger;

    JavaParallelKernel(CompletableFuture<JShellEvaluator> evaluator, OutputRouter router, MagicRegistry magics,
                       CellHistory history, List<KernelLifecycle> lifecycle, Debugger debugger) {
        super(KernelInfo.NAME, KernelInfo.VERSION, KernelInfo.LANGUAGE, List.of(), history,
                new JupyterIO(java.nio.charset.StandardCharsets.UTF_8), new CommManager(),
                new Renderer(), null, null, false, new StringStyler.Builder().build());
        this.evaluator = evaluator;
        this.router = router;
        this.magics = magics;
        this.history = history;
        this.lifecycle = List.copyOf(lifecycle);
        this.debugger = debugger;
        Display.installSink(new KernelDisplaySink(router));
    }

    void connect(KernelConnection connection) {
        connection.handle(MessageType.EXECUTE_REQUEST, this::handleExecuteRequest);
        connection.handle(MessageType.INSPECT_REQUEST, this::handleInspectRequest);
        connection.handle(MessageType.COMPLETE_REQUEST, this::handleCompleteRequest);
        connection.handle(MessageType.HISTORY_REQUEST, this::handleHistoryRequest);
        connection.handle(MessageType.IS_COMPLETE_REQUEST,
                this::handleIsCodeCompeteRequest);
        connection.handle(MessageType.SHUTDOWN_REQUEST, this::handleShutdownRequest);
        connection.handle(MessageType.INTERRUPT_REQUEST,
                this::handleInterruptRequest);
        commManager.setIOPubChannel(connection.iopub());
        connection.handle(MessageType.COMM_OPEN_COMMAND,
                commManager::handleCommOpenCommand);
        connection.handle(MessageType.COMM_MSG_COMMAND,
                commManager::handleCommMsgCommand);
        connection.handle(MessageType.COMM_CLOSE_COMMAND,
                commManager::handleCommCloseCommand);
        connection.handle(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
    }

    private JShellEvaluator shell() {
        return evaluator.join();
    }

    @Override
    public String getBanner() {
        return KernelInfo.BANNER;
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = request.shouldStoreHistory() ? executionCount.getAndIncrement() : executionCount.get();
        env.setBusyDeferIdle();
        // before execute_input: a Stop pressed once the front end shows the cell running must stop this cell
        shell().beginCell();
        if (!request.isSilent()) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        if (request.shouldStoreHistory()) {
            history.add(count, request.getCode());
        }
        CellMessages messages = new CellMessages(env);
        CellOutput output = new CellOutput(messages, OUTPUT_LIMIT_BYTES);
        router.enterCell(output);
        CellRun run = new CellRun(shell(), magics, messages, router.out(), output, count);
        debugger.cellStarting(request.getCode(), () -> runsTasksElsewhere(request.getCode()));
        try {
            lifecycle.forEach(part -> part.beforeCell(count));
            run.execute(request.getCode());
        } finally {
            router.leaveCell(output);
        }
        CellRun.Failure failure = run.failure();
        if (failure == null && run.hasValue() && run.value() != null && !(run.value() instanceof DisplayHandle)
                && !request.isSilent()) {
            failure = publishResult(env, count, run.value(), request.shouldStoreHistory());
        }
        if (failure != null) {
            ErrorReply error = new ErrorReply(failure.name(), failure.message(), failure.traceback());
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
            return;
        }
        env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
    }

    /** Whether the cell's tasks may run in worker JVMs or on Spark, where the debugger stops nothing. */
    private static boolean runsTasksElsewhere(String code) {
        return !(Backends.currentSpec() instanceof BackendSpec.Threads)
                || code.contains("Pools.processes") || code.contains("Futures.processExecutor")
                || code.contains("%%backend processes") || code.contains("%%backend spark") || code.contains("spark()");
    }

    /**
     * Shows the cell's value and keeps its text/plain in the history; its toString is user code, so a failure there
     * is the cell's error.
     */
    private CellRun.Failure publishResult(ShellReplyEnvironment env, int count, Object value, boolean inHistory) {
        try {
            Map<String, Object> data = Display.toBundle(value).data();
            env.publish(new PublishExecuteResult(count, CellMessages.displayData(null, data)));
            if (inHistory && data.get(PLAIN_TEXT) instanceof String text) {
                history.setOutput(count, text);
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            CellRun.Failure failure = new CellRun.Failure(e.getClass().getName(),
                    "the cell's value could not be shown: " + e.getMessage(), List.of(e.toString()));
            new CellMessages(env).error(failure.name(), failure.message(), failure.traceback());
            return failure;
        }
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength());
            case RANGE -> history.lookupRange(((HistoryRequest.Range) request).getSessionIndex(),
                    ((HistoryRequest.Range) request).getStart(), ((HistoryRequest.Range) request).getStop());
            case SEARCH -> history.search(((HistoryRequest.Search) request).getPattern(),
                    ((HistoryRequest.Search) request).getMaxReturnLength(),
                    ((HistoryRequest.Search) request).filterUnique()
                            ? java.util.EnumSet.of(HistoryManager.ResultFlag.UNIQUE)
                            : java.util.EnumSet.noneOf(HistoryManager.ResultFlag.class));
        };
        List<List<Object>> rows = entries.stream()
                .map(entry -> List.of(entry.getSession(), entry.getCellNumber(),
                        request.includeOutput() ? Arrays.asList(entry.getInput(), entry.getOutput()) : entry.getInput()))
                .toList();
        env.reply(new ReplyContent(MessageType.HISTORY_REPLY).with("history", rows));
    }

    private void handleCommInfoRequest(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new ReplyContent(MessageType.COMM_INFO_REPLY).with("comms", Map.of()));
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.defer().reply(new ReplyContent(MessageType.SHUTDOWN_REPLY).with("restart", restart));
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("cells are executed through execute_request");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SymbolDoc> docs = shell().inspect(code, at);
        return docs.isEmpty() ? null : SymbolHelp.of(docs);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Completion completion = shell().complete(code, at);
        return new ReplacementOptions(completion.texts(), completion.start(), completion.end());
    }

    /**
     * The base's complete_reply, with the type and signature of each match in the metadata that JupyterLab's
     * completer reads ({@code _jupyter_types_experimental}, as ipykernel sends it).
     */
    @Override
    protected void handleCompleteRequest(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        env.setBusyDeferIdle();
        CompleteRequest request = message.getContent();
        try {
            Completion completion = shell().complete(request.getCode(), request.getCursorPos());
            List<Map<String, Object>> types = completion.matches().stream().map(match -> Map.<String, Object>of(
                    "start", completion.start(), "end", completion.end(), "text", match.text(),
                    "type", match.type(), "signature", match.signature())).toList();
            env.reply(new CompleteReply(completion.texts(), completion.start(), completion.end(),
                    Map.of("_jupyter_types_experimental", types)));
        } catch (RuntimeException e) {
            env.replyError(CompleteReply.MESSAGE_TYPE.error(), ErrorReply.of(e));
        }
    }

    @Override
    public String isComplete(String code) {
        return switch (shell().isComplete(code)) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case INCOMPLETE -> "    ";
        };
    }

    /** Stops the running cell and the work it started on every backend. */
    @Override
    public void interrupt() {
        CellInterrupts.requestStop();
        debugger.interruptAll();
        lifecycle.forEach(KernelLifecycle::interrupt);
        if (evaluator.isDone()) {
            shell().stop();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
        lifecycle.forEach(KernelLifecycle::shutdown);
        if (evaluator.isDone()) {
            shell().close();
        }
        router.close();
    }
}
