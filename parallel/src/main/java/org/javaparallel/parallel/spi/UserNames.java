package org.javaparallel.parallel.spi;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names a user wrote for classes that JShell defined. JShell nests each cell's declarations in a wrapper class
 * ({@code REPL.$JShell$37$Boom}), and a lambda's class is a hidden class of its wrapper
 * ({@code REPL.$JShell$44$$Lambda$685/0x0000000800c0b000}); messages read {@code Boom} and "a lambda in cell [12]"
 * instead. Only text changes: exceptions keep their real classes for those who need them.
 */
public final class UserNames {
    /**
     * A wrapper class, its member classes, and a lambda's class. The wrapper's number is JShell's snippet id; letters
     * after it count redefinitions, and "_13" joins snippets compiled together. Lambda classes are named
     * {@code $$Lambda$685/0x...} up to Java 20 and {@code $$Lambda/0x...} since.
     */
    private static final Pattern JSHELL_CLASS = Pattern.compile(
            "REPL\\.\\$JShell\\$(?<snippet>\\d+)[A-Z]*(?:_\\d+[A-Z]*)*(?<members>(?:\\$\\w+)*)"
            + "(?<lambda>\\$\\$Lambda(?:\\$\\d+)?(?:/0x\\p{XDigit}+)?)?");

    /** javac names an anonymous class by a number, and a local class by a number and its name ({@code $1Acc}). */
    private static final Pattern LOCAL_CLASS_NUMBER = Pattern.compile("^\\d+");

    private UserNames() {
    }

    /**
     * {@code failure.toString()} with the names the user wrote: "Boom: boom 3".
     *
     * @param failure the exception; not null
     * @return its description
     */
    public static String of(Throwable failure) {
        return inText(failure.toString());
    }

    /**
     * {@code text} with each JShell class name in it replaced by what the user wrote: {@code Boom},
     * {@code Outer.Inner}, "a lambda in cell [12]" (the cell when the kernel knows it, else "a lambda"),
     * "an anonymous class in cell [12]", or "cell code" for a wrapper itself. Other names stay; null stays null,
     * as exception messages may be.
     *
     * @param text the text, may be null
     * @return the text with the user's names
     */
    public static String inText(String text) {
        if (text == null) {
            return null;
        }
        Matcher jshellClass = JSHELL_CLASS.matcher(text);
        StringBuilder shown = new StringBuilder();
        while (jshellClass.find()) {
            jshellClass.appendReplacement(shown, Matcher.quoteReplacement(userName(jshellClass)));
        }
        return jshellClass.appendTail(shown).toString();
    }

    private static String userName(Matcher jshellClass) {
        String inCell = inCell(jshellClass.group("snippet"));
        if (jshellClass.group("lambda") != null) {
            return "a lambda" + inCell;
        }
        String members = jshellClass.group("members");
        if (members.isEmpty()) {
            return "cell code";
        }
        List<String> nesting = Arrays.asList(members.substring(1).split("\\$"));
        if (nesting.stream().anyMatch(name -> name.chars().allMatch(Character::isDigit))) {
            return "an anonymous class" + inCell;
        }
        return nesting.stream().map(name -> LOCAL_CLASS_NUMBER.matcher(name).replaceFirst(""))
                .collect(Collectors.joining("."));
    }

    private static String inCell(String snippetId) {
        OptionalInt cell = CellCodeRegistry.current().map(code -> code.cellOfSnippet(snippetId))
                .orElse(OptionalInt.empty());
        return cell.isPresent() ? " in cell [" + cell.getAsInt() + "]" : "";
    }
}
