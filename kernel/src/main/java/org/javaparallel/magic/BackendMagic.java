package org.javaparallel.magic;

import org.javaparallel.parallel.BackendSpec;
import org.javaparallel.parallel.Backends;

/**
 * {@code %backend [spec]} switches the backend that pool calls use from now on (no spec: show it);
 * {@code %%backend spec} uses it for one cell and restores the previous one afterwards, even when the cell fails.
 */
public final class BackendMagic implements Magic {
    @Override
    public String name() {
        return "backend";
    }

    @Override
    public String usage() {
        return "%backend [threads [N] | processes [N] | spark local[N] | spark <master-url> | spark slurm]"
                + " — the backend of pool calls; %%backend <spec> for one cell";
    }

    @Override
    public boolean hasCellForm() {
        return true;
    }

    @Override
    public void line(String args, MagicContext context) {
        if (!args.isBlank()) {
            BackendSpec spec = parse(args);
            try {
                Backends.use(spec);
            } catch (RuntimeException failed) {
                // without this the next cell silently runs on the old backend
                throw new BackendNotChangedException(failed.getMessage() + "\nThe backend stays "
                        + Backends.describe() + ".", failed);
            }
        }
        context.out().println(Backends.describe());
    }

    @Override
    public void cell(String args, String body, MagicContext context) throws Exception {
        if (args.isBlank()) {
            throw new MagicUsageException("%%backend needs a backend for this cell, e.g. %%backend processes 2");
        }
        Backends.withBackend(parse(args), () -> context.evaluate(body, true));
    }

    private static BackendSpec parse(String args) {
        try {
            return BackendSpec.parse(args.strip());
        } catch (IllegalArgumentException bad) {
            throw new MagicUsageException(bad.getMessage() + " (the backend was not changed)");
        }
    }
}
