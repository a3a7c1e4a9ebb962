package org.javaparallel.magic;

import java.util.List;

/** A cell named a magic that does not exist; the message lists the closest names. */
public class UnknownMagicException extends MagicUsageException {
    public UnknownMagicException(String prefix, String name, List<String> closeMatches) {
        super("unknown magic " + prefix + name
                + (closeMatches.isEmpty() ? "" : ": did you mean " + String.join(" or ", closeMatches.stream()
                        .map(match -> prefix + match).toList()) + "?")
                + " (%lsmagic lists all magics)");
    }
}
