package org.javaparallel.kernel;

import java.util.Map;
import org.javaparallel.display.DisplaySink;
import org.javaparallel.kernel.io.CellOutput;
import org.javaparallel.kernel.io.OutputRouter;

/** Sends displays to the cell the calling thread belongs to, after the text that cell printed before them. */
final class KernelDisplaySink implements DisplaySink {
    private final OutputRouter router;

    KernelDisplaySink(OutputRouter router) {
        this.router = router;
    }

    @Override
    public void show(String displayId, Map<String, Object> mimeBundle) {
        CellOutput output = router.outputOfCurrentThread();
        if (output != null) {
            output.flush();
            output.publisher().display(displayId, mimeBundle);
        }
    }

    @Override
    public void update(String displayId, Map<String, Object> mimeBundle) {
        CellOutput output = router.outputOfCurrentThread();
        if (output != null) {
            output.publisher().updateDisplay(displayId, mimeBundle);
        }
    }
}
