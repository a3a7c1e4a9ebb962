package org.javaparallel.kernel;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;

/**
 * Dates message headers with the moment they are sent, to the microsecond, as ipykernel does. The base
 * library writes minutes only ({@code 2026-11-24T06:43+0000}): jupyter_client leaves such a date unparsed (so
 * nbclient times cells by its own clock), and JupyterLab's recorded cell timings become useless. The header's
 * protocol version becomes the kernel's ({@link KernelInfo#PROTOCOL_VERSION}), where the base writes its own 5.3.
 * A message the kernel sends on its own (status "starting", debugger events, iopub_welcome) has no request to take
 * a session from; it gets the kernel's session id, as ipykernel's do: JupyterLab drops a message without one.
 */
final class MessageDates {
    /** The session id of the messages this kernel sends on its own. */
    static final String KERNEL_SESSION = UUID.randomUUID().toString();

    private MessageDates() {
    }

    static <T> Message<T> sentNow(Message<T> message) {
        Header<T> header = message.getHeader();
        String session = header.getSessionId() == null || header.getSessionId().isEmpty()
                ? KERNEL_SESSION : header.getSessionId();
        Header<T> dated = new Header<>(header.getId(), header.getUsername(), session,
                new KernelTimestamp(now()), header.getType(), KernelInfo.PROTOCOL_VERSION);
        Header<?> parent = message.hasParentHeader() ? message.getParentHeader() : null;
        return new Message<>(message.getIdentities(), dated, parent, message.getMetadata(), message.getContent(),
                message.getBlobs());
    }

    /** This moment as a header's date: ISO 8601 in UTC, to the microsecond. */
    static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
