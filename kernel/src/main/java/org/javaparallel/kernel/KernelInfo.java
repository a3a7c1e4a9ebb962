package org.javaparallel.kernel;

import java.util.List;
import org.apache.spark.SparkBuildInfo;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * kernel_info_reply with the {@code status} field that protocol 5.x clients expect. Its content is fixed, so
 * the kernel answers it from the moment its sockets are bound, before JShell and the kernel object exist.
 * The protocol version is 5.4, the newest that jupyter_client 8 speaks (8.10): its iopub_welcome comes from our
 * XPUB iopub socket ({@link XPubIOPubChannel}), as the base's PUB socket cannot tell a subscription; the base
 * itself says 5.3. Older clients (jupyter_client 7 speaks 5.3) read it as well: 5.4 only adds that message.
 */
final class KernelInfo extends KernelInfoReply {
    static final String PROTOCOL_VERSION = "5.4";
    static final String NAME = "java-parallel";
    static final String VERSION = "0.1.0";
    static final LanguageInfo LANGUAGE = new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jsh") // JShell's own convention for scripts
            .pygments("java")
            .codemirror("text/x-java")
            .build();

    /** Also the kernel's {@code getBanner()}, so that the two cannot differ. */
    static final String BANNER = "%s %s :: %s %s :: Protocol v%s".formatted(LANGUAGE.getName(), LANGUAGE.getVersion(),
            NAME, VERSION, PROTOCOL_VERSION);
    /**
     * JupyterLab's Help menu lists these. The API docs are those of the versions this kernel runs: Java's feature
     * release, and Spark's version as Spark's jar reports it.
     */
    static final List<HelpLink> HELP_LINKS = List.of(
            new HelpLink("Java SE " + Runtime.version().feature() + " API",
                    "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"),
            new HelpLink("Spark " + SparkBuildInfo.spark_version() + " Java API",
                    "https://spark.apache.org/docs/" + SparkBuildInfo.spark_version() + "/api/java/index.html"));
    private static final KernelInfo REPLY = new KernelInfo();

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";
    /** JupyterLab shows its debugger for kernels that say so (the Jupyter debugger protocol; org.javaparallel.debugger). */
    @SuppressWarnings("unused") // serialized by Gson
    private final boolean debugger = true;
    /** Protocol 5.5's way of saying the same, which ipykernel 7 uses. */
    @SuppressWarnings("unused") // serialized by Gson
    private final List<String> supported_features = List.of("debugger");

    private KernelInfo() {
        super(PROTOCOL_VERSION, NAME, VERSION, LANGUAGE, BANNER, HELP_LINKS);
    }

    static void reply(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(REPLY);
    }
}
