package org.javaparallel.magic;

/** {@code %lsmagic}: lists the magics with their usage. */
public final class LsMagic implements Magic {
    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public String usage() {
        return "%lsmagic — list the available magics";
    }

    @Override
    public void line(String args, MagicContext context) {
        StringBuilder text = new StringBuilder("Line magics:\n");
        for (Magic magic : context.registry().all()) {
            if (magic.hasLineForm()) {
                text.append("  %").append(magic.name()).append("    ").append(magic.usage()).append('\n');
            }
        }
        text.append("Cell magics (first line of a cell):\n");
        for (Magic magic : context.registry().all()) {
            if (magic.hasCellForm()) {
                text.append("  %%").append(magic.name()).append('\n');
            }
        }
        context.out().print(text);
    }
}
