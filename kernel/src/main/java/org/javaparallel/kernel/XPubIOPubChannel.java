package org.javaparallel.kernel;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The iopub socket of protocol 5.4 (JEP 65): an XPUB socket that answers each subscription with an unparented
 * {@code iopub_welcome} message, so that a client knows when its subscription is live. Messages are dated
 * precisely ({@link MessageDates}).
 *
 * <p>The base's {@link IOPubChannel} fixes its socket type to PUB, and the base's handlers need an
 * {@code IOPubChannel}; so this channel is one in type only: its own PUB socket is never bound, and everything is
 * sent on the XPUB socket it wraps. ZeroMQ sockets are not thread-safe: sends come from many threads, serialised
 * by the XPUB socket's monitor (the base's {@code sendMessage} is synchronized), and the subscriptions are read
 * under that same monitor by a watcher thread that polls without blocking.
 */
final class XPubIOPubChannel extends IOPubChannel {
    private static final Logger LOG = Logger.getLogger(XPubIOPubChannel.class.getName());
    // a client waits for its welcome, so a few tens of milliseconds are fine; an idle kernel wakes 20 times a second
    private static final long SUBSCRIPTION_POLL_MILLIS = 50;
    static final String WELCOME = "iopub_welcome";

    private final Publisher publisher;
    private final Thread watcher;
    private volatile boolean closing;

    XPubIOPubChannel(ZMQ.Context context, HMACGenerator hmac) {
        super(context, hmac);
        this.publisher = new Publisher(context, hmac);
        this.watcher = new Thread(this::watchSubscriptions, "iopub-subscriptions");
        watcher.setDaemon(true);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        publisher.bind(properties);
        watcher.start();
    }

    @Override
    public void sendMessage(Message<?> message) {
        publisher.sendMessage(MessageDates.sentNow(message));
    }

    private void watchSubscriptions() {
        while (!closing) {
            try {
                publisher.welcomeNewSubscribers();
                Thread.sleep(SUBSCRIPTION_POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closing) {
                    LOG.log(Level.WARNING, "reading iopub subscriptions failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        watcher.interrupt();
        try {
            watcher.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (publisher) {
            publisher.close();
        }
        super.close();
    }

    /** The XPUB socket; its monitor serialises every use of it. */
    private static final class Publisher extends JupyterSocket {
        private static final byte SUBSCRIBE = 1;
        private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

        Publisher(ZMQ.Context context, HMACGenerator hmac) {
            super(context, SocketType.XPUB, hmac, LoggerFactory.getLogger(IOPubChannel.class));
            setXpubVerbose(true); // every subscriber is welcomed, not only the first one of a topic
        }

        @Override
        public void bind(KernelConnectionProperties properties) {
            bind(formatAddress(properties.getTransport(), properties.getIp(), properties.getIopubPort()));
        }

        /** Reads the subscription frames that arrived, answering each subscription with iopub_welcome. */
        synchronized void welcomeNewSubscribers() {
            if (closed) {
                return;
            }
            for (byte[] frame = recv(ZMQ.DONTWAIT); frame != null; frame = recv(ZMQ.DONTWAIT)) {
                if (frame.length > 0 && frame[0] == SUBSCRIBE) {
                    welcome(new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8));
                }
            }
        }

        /**
         * iopub_welcome is not among the base's message types, so its frames are written here, as the base writes
         * any unparented message: no topic, the delimiter, the signature, then header, parent, metadata, content.
         */
        private void welcome(String subscription) {
            JsonObject header = new JsonObject();
            header.addProperty("msg_id", UUID.randomUUID().toString());
            header.addProperty("username", Header.KERNEL_USERNAME);
            header.addProperty("session", MessageDates.KERNEL_SESSION);
            header.addProperty("date", MessageDates.now());
            header.addProperty("msg_type", WELCOME);
            header.addProperty("version", KernelInfo.PROTOCOL_VERSION);
            JsonObject content = new JsonObject();
            content.addProperty("subscription", subscription);
            byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
            byte[] contentBytes = content.toString().getBytes(StandardCharsets.UTF_8);
            String signature = hmacGenerator.calculateSignature(headerBytes, EMPTY_OBJECT, EMPTY_OBJECT, contentBytes);
            sendMore(DELIMITER);
            sendMore(signature == null ? "" : signature);
            sendMore(headerBytes);
            sendMore(EMPTY_OBJECT);
            sendMore(EMPTY_OBJECT);
            send(contentBytes);
        }
    }
}
