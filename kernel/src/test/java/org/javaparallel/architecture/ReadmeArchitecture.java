package org.javaparallel.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module and package tree drawn in the README's "## Architecture" section: its first ``` block, where a
 * module line is {@code name/   description} at the start of the line and each of its packages follows as
 * {@code   path/   description}, indented by two spaces.
 */
final class ReadmeArchitecture {
    static final String SECTION = "## Architecture";
    private static final String FENCE = "```";
    private static final Pattern MODULE_LINE = Pattern.compile("([a-z][a-z0-9-]*)/\\s+\\S.*");
    private static final Pattern PACKAGE_LINE = Pattern.compile("  ([a-z][a-z0-9]*(?:/[a-z][a-z0-9]*)*)/\\s+\\S.*");

    private final ModulePackages drawn;
    private final List<String> unreadableLines;

    private ReadmeArchitecture(ModulePackages drawn, List<String> unreadableLines) {
        this.drawn = drawn;
        this.unreadableLines = List.copyOf(unreadableLines);
    }

    /** Parses the block out of the README's text. */
    static ReadmeArchitecture parse(String readme) {
        Map<String, SortedSet<String>> packagesByModule = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        String module = null;
        for (String line : block(readme)) {
            Matcher moduleLine = MODULE_LINE.matcher(line);
            Matcher packageLine = PACKAGE_LINE.matcher(line);
            if (moduleLine.matches()) {
                module = moduleLine.group(1);
                packagesByModule.putIfAbsent(module, new TreeSet<>());
            } else if (packageLine.matches() && module != null) {
                packagesByModule.get(module).add(packageLine.group(1));
            } else if (!line.isBlank()) {
                unreadable.add(line);
            }
        }
        return new ReadmeArchitecture(new ModulePackages(packagesByModule), unreadable);
    }

    /** The modules and packages the block names. */
    ModulePackages drawn() {
        return drawn;
    }

    /** Lines that are neither a module line nor a package line below one. */
    List<String> unreadableLines() {
        return unreadableLines;
    }

    private static List<String> block(String readme) {
        List<String> lines = readme.lines().toList();
        int section = lines.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException("README.md has no line '" + SECTION + "'");
        }
        int open = indexOfFence(lines, section + 1);
        int close = open < 0 ? -1 : indexOfFence(lines, open + 1);
        if (close < 0) {
            throw new IllegalStateException("README.md has no " + FENCE + " block after '" + SECTION + "'");
        }
        return lines.subList(open + 1, close);
    }

    private static int indexOfFence(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(FENCE)) {
                return i;
            }
        }
        return -1;
    }
}
