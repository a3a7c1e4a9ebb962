package org.javaparallel.kernel;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * The shell or control socket. Unlike the base library's loop (poll, then sleep 50 ms; a message with a
 * bad signature ends the loop), this thread blocks in poll, so a request is handled as soon as it arrives,
 * and a message whose HMAC signature is wrong is dropped with a log line while the channel keeps serving.
 */
final class RequestChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(RequestChannel.class.getName());
    private static final int POLL_MILLIS = 200;

    interface Dispatcher {
        void dispatch(RequestChannel channel, Message<?> message);
    }

    private final String name;
    private final ZMQ.Context context;
    private final Dispatcher dispatcher;
    private volatile boolean running;
    private Thread loop;

    RequestChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, Dispatcher dispatcher) {
        super(context, hmac, control, null, 0);
        this.name = control ? "control" : "shell";
        this.context = context;
        this.dispatcher = dispatcher;
    }

    /** Replies carry precise dates ({@link MessageDates}). */
    @Override
    public synchronized void sendMessage(Message<?> message) {
        super.sendMessage(MessageDates.sentNow(message));
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = name.equals("control") ? properties.getControlPort() : properties.getShellPort();
        bind(formatAddress(properties.getTransport(), properties.getIp(), port));
        running = true;
        loop = new Thread(this::serve, name + "-channel");
        loop.setDaemon(true);
        loop.start();
    }

    private void serve() {
        ZMQ.Poller poller = context.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        while (running) {
            if (poller.poll(POLL_MILLIS) <= 0) {
                continue;
            }
            Message<?> message;
            try {
                message = readMessage();
            } catch (SecurityException badSignature) {
                LOG.warning(name + ": dropped a message whose signature is wrong (" + badSignature.getMessage() + ")");
                continue;
            } catch (RuntimeException unreadable) {
                if (!running) {
                    break;
                }
                LOG.log(Level.WARNING, name + ": dropped a message that could not be read", unreadable);
                continue;
            }
            if (message != null) {
                dispatcher.dispatch(this, message);
            }
        }
        poller.close();
    }

    @Override
    public void close() {
        running = false;
        if (loop != null && loop != Thread.currentThread()) {
            try {
                loop.join(2 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        if (loop != null) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
