package org.javaparallel.magic;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The magics a kernel knows, by name. */
public final class MagicRegistry {
    private static final int MAX_SUGGESTIONS = 3;
    private final Map<String, Magic> magics = new TreeMap<>();

    public MagicRegistry register(Magic... toAdd) {
        for (Magic magic : toAdd) {
            magics.put(magic.name(), magic);
        }
        return this;
    }

    public Collection<Magic> all() {
        return magics.values();
    }

    public Magic line(String name) {
        Magic magic = magics.get(name);
        if (magic == null || !magic.hasLineForm()) {
            throw new UnknownMagicException("%", name, closeMatches(name, true));
        }
        return magic;
    }

    public Magic cell(String name) {
        Magic magic = magics.get(name);
        if (magic == null || !magic.hasCellForm()) {
            throw new UnknownMagicException("%%", name, closeMatches(name, false));
        }
        return magic;
    }

    private List<String> closeMatches(String name, boolean lineForm) {
        return magics.values().stream()
                .filter(magic -> lineForm ? magic.hasLineForm() : magic.hasCellForm())
                .map(Magic::name)
                .filter(candidate -> editDistance(candidate, name) <= Math.max(1, candidate.length() / 3))
                .sorted(Comparator.comparingInt(candidate -> editDistance(candidate, name)))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** Damerau-Levenshtein distance (with adjacent transpositions), so that "tiem" is close to "time". */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
