package org.javaparallel.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/** The kernel's five ZeroMQ sockets and the routing of requests on shell and control to their handlers. */
final class KernelConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KernelConnection.class.getName());
    private static final long HEARTBEAT_POLL_MILLIS = 20;

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final HeartbeatChannel heartbeat;
    private final RequestChannel shell;
    private final RequestChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;
    private final Map<MessageType<?>, ShellHandler<?>> handlers = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch allHandlersRegistered = new CountDownLatch(1);

    KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.heartbeat = new HeartbeatChannel(context, hmac, HEARTBEAT_POLL_MILLIS);
        this.shell = new RequestChannel(context, hmac, false, this::dispatch);
        this.control = new RequestChannel(context, hmac, true, this::dispatch);
        this.stdin = new StdinChannel(context, hmac);
        this.iopub = new XPubIOPubChannel(context, hmac);
    }

    <T> void handle(MessageType<T> type, ShellHandler<T> handler) {
        handlers.put(type, handler);
    }

    /**
     * Requests that arrive before this call wait for it, unless their handler is registered already: the
     * sockets are bound (and kernel_info answered) while the rest of the kernel is still being built.
     */
    void allHandlersRegistered() {
        allHandlersRegistered.countDown();
    }

    IOPubChannel iopub() {
        return iopub;
    }

    void connect() {
        iopub.bind(properties);
        heartbeat.bind(properties);
        stdin.bind(properties);
        control.bind(properties);
        shell.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(RequestChannel channel, Message<?> message) {
        ShellHandler handler = handlerFor(message.getHeader().getType());
        if (handler == null) {
            LOG.fine("no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = new ShellReplyEnvironment(channel, stdin, iopub, message) {
        };
        try {
            handler.handle(env, message);
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, "handling " + message.getHeader().getType().getName() + " failed", e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            closed.countDown();
        }
    }

    private ShellHandler<?> handlerFor(MessageType<?> type) {
        ShellHandler<?> handler = handlers.get(type);
        if (handler != null) {
            return handler;
        }
        try {
            allHandlersRegistered.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return handlers.get(type);
    }

    void awaitShutdownRequest() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        shell.close();
        control.close();
        heartbeat.close();
        stdin.close();
        iopub.close();
        context.close();
    }
}
