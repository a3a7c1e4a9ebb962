package org.javaparallel.kernel;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/** The iopub socket, sending messages with precise dates ({@link MessageDates}). */
final class DatedIOPubChannel extends IOPubChannel {
    DatedIOPubChannel(ZMQ.Context context, HMACGenerator hmac) {
        super(context, hmac);
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        super.sendMessage(MessageDates.sentNow(message));
    }
}
