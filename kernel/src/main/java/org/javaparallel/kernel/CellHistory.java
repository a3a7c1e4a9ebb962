package org.javaparallel.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells executed in this kernel session with their text/plain results, for history_request (tail, range
 * and glob search).
 */
final class CellHistory implements HistoryManager {
    private static final int SESSION = 1;
    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int cellNumber, String input) {
        entries.add(new HistoryEntry(SESSION, cellNumber, input, null));
    }

    /** Records the text/plain result of the cell added last as {@code cellNumber}; other cells have none. */
    synchronized void setOutput(int cellNumber, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry entry = entries.get(i);
            if (entry.getCellNumber() == cellNumber) {
                entries.set(i, new HistoryEntry(SESSION, cellNumber, entry.getInput(), output));
                return;
            }
        }
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, length));
        return new ArrayList<>(entries.subList(from, entries.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        return entries.stream()
                .filter(entry -> entry.getCellNumber() >= start && (stop <= 0 || entry.getCellNumber() < stop))
                .toList();
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<HistoryEntry> matches = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (length <= 0 || matches.size() < length); i--) {
            HistoryEntry entry = entries.get(i);
            boolean unique = !flags.contains(ResultFlag.UNIQUE) || seen.add(entry.getInput());
            if (unique && pattern.matcher(entry.getInput()).matches()) {
                matches.add(0, entry);
            }
        }
        return matches;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : (glob == null || glob.isEmpty() ? "*" : glob).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
