package org.javaparallel.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * kernel_info_reply with the {@code status} field that protocol 5.x clients expect. Its content is fixed, so
 * the kernel answers it from the moment its sockets are bound, before JShell and the kernel object exist.
 */
final class KernelInfo extends KernelInfoReply {
    static final String NAME = "java-parallel";
    static final String VERSION = "0.1.0";
    static final LanguageInfo LANGUAGE = new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("text/x-java")
            .build();

    /** Also the kernel's {@code getBanner()}, so that the two cannot differ. */
    static final String BANNER = "%s %s :: %s %s :: Protocol v%s".formatted(LANGUAGE.getName(), LANGUAGE.getVersion(),
            NAME, VERSION, Header.PROTOCOL_VERISON);
    private static final KernelInfo REPLY = new KernelInfo();

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";

    private KernelInfo() {
        super(Header.PROTOCOL_VERISON, NAME, VERSION, LANGUAGE, BANNER, List.of());
    }

    static void reply(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(REPLY);
    }
}
