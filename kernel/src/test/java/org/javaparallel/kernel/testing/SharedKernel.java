package org.javaparallel.kernel.testing;

import java.io.IOException;
import java.time.Duration;

/**
 * One installed kernel shared by the tests of a class. Before each test it is replaced by a fresh one when the
 * last test left it dead or busy (a cell still running), so that one failing test does not fail the tests after it.
 */
public final class SharedKernel implements AutoCloseable {
    /** A kernel that does not answer a trivial cell within this is considered stuck. */
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);

    private final InstalledKernel installed;
    private JupyterClient client;

    private SharedKernel(InstalledKernel installed, JupyterClient client) {
        this.installed = installed;
        this.client = client;
    }

    /** Starts the first kernel. */
    public static SharedKernel start(InstalledKernel installed) throws IOException {
        return new SharedKernel(installed, JupyterClient.start(installed));
    }

    /** The current kernel, replaced first if it is dead or does not answer. */
    public JupyterClient responsive() throws IOException {
        if (!client.isAlive() || !client.answersWithin(ANSWER_LIMIT)) {
            client.close();
            client = JupyterClient.start(installed);
        }
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
