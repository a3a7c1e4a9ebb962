package org.javaparallel.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/** kernel_info_reply with the {@code status} field that protocol 5.x clients expect. */
final class KernelInfo extends KernelInfoReply {
    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";

    KernelInfo(String protocolVersion, String name, String version, LanguageInfo language, String banner,
               List<HelpLink> links) {
        super(protocolVersion, name, version, language, banner, links);
    }
}
