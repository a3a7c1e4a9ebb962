package org.javaparallel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell read as a sequence of steps: Java code and line magics in the order they appear, or a whole-cell
 * magic when the first line starts with {@code %%}.
 */
public sealed interface CellScript {
    record Code(String source) implements Step {
    }

    record LineMagic(String name, String args) implements Step {
    }

    sealed interface Step permits Code, LineMagic {
    }

    record Steps(List<Step> steps) implements CellScript {
    }

    record WholeCellMagic(String name, String args, String body) implements CellScript {
    }

    Pattern CELL_MAGIC = Pattern.compile("\\A\\s*%%(\\S+)[ \\t]*([^\\n]*)\\n?(.*)\\z", Pattern.DOTALL);
    Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%(?!%)(\\S+)[ \\t]*(.*)$");

    static CellScript parse(String cell) {
        Matcher whole = CELL_MAGIC.matcher(cell);
        if (whole.matches()) {
            return new WholeCellMagic(whole.group(1), whole.group(2).strip(), whole.group(3));
        }
        List<Step> steps = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            Matcher magic = LINE_MAGIC.matcher(line);
            if (magic.matches()) {
                if (!code.toString().isBlank()) {
                    steps.add(new Code(code.toString()));
                }
                code.setLength(0);
                steps.add(new LineMagic(magic.group(1), magic.group(2).strip()));
            } else {
                code.append(line).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            steps.add(new Code(steps.isEmpty() ? cell : code.toString()));
        }
        return new Steps(steps);
    }
}
