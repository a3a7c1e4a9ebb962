package org.javaparallel.kernel;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.javaparallel.kernel.io.CellPublisher;

/** The iopub messages of one cell: streams, displays and errors, all with that cell's request as parent. */
final class CellMessages implements CellPublisher {
    private final ShellReplyEnvironment env;

    CellMessages(ShellReplyEnvironment env) {
        this.env = env;
    }

    @Override
    public void publish(StreamName stream, String text) {
        env.publish(new PublishStream(stream == StreamName.STDOUT
                ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text));
    }

    @Override
    public void display(String displayId, Map<String, Object> bundle) {
        env.publish(new PublishDisplayData(displayData(displayId, bundle)));
    }

    @Override
    public void updateDisplay(String displayId, Map<String, Object> bundle) {
        env.publish(new PublishUpdateDisplayData(displayData(displayId, bundle)));
    }

    void error(String name, String message, List<String> traceback) {
        env.publish(new PublishError(name, message, traceback));
    }

    static DisplayData displayData(String displayId, Map<String, Object> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        return data;
    }
}
