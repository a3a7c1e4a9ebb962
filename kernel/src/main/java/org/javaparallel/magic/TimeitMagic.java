package org.javaparallel.magic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %timeit [-n N] [-r R] statement} and {@code %%timeit [-n N] [-r R]}: JIT-aware timing (warm-up
 * calls first), then mean ± standard deviation over R runs of N loops, like IPython.
 */
public final class TimeitMagic implements Magic {
    private static final Pattern OPTIONS = Pattern.compile("^\\s*((?:-[nr]\\s*\\d+\\s*)*)(.*)$", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("-([nr])\\s*(\\d+)");

    private record Options(int loops, int runs, String rest) {
    }

    @Override
    public String name() {
        return "timeit";
    }

    @Override
    public String usage() {
        return "%timeit [-n loops] [-r runs] <statement> | %%timeit [-n loops] [-r runs] — JIT-aware timing";
    }

    @Override
    public boolean hasCellForm() {
        return true;
    }

    @Override
    public void line(String args, MagicContext context) {
        Options options = parse(args);
        if (options.rest().isBlank()) {
            throw new MagicUsageException("%timeit needs a statement to time, e.g. %timeit Math.sqrt(2.0)");
        }
        String expression = options.rest().strip();
        String asExpression = call(options, "{ Object result = (" + expression + "); }");
        if (context.evaluate(asExpression, false) == MagicContext.Outcome.DID_NOT_COMPILE) {
            context.evaluate(call(options, "{ " + withSemicolon(expression) + " }"), true);
        }
    }

    @Override
    public void cell(String args, String body, MagicContext context) {
        Options options = parse(args);
        if (!options.rest().isBlank()) {
            throw new MagicUsageException("%%timeit takes only -n and -r on its line; the code goes below it");
        }
        context.evaluate(call(options, "{\n" + body + "\n}"), true);
    }

    private static String call(Options options, String block) {
        return "org.javaparallel.magic.Timeit.measure(" + options.loops() + ", " + options.runs()
                + ", () -> " + block + ");";
    }

    private static String withSemicolon(String statement) {
        return statement.endsWith(";") || statement.endsWith("}") ? statement : statement + ";";
    }

    private static Options parse(String args) {
        Matcher matcher = OPTIONS.matcher(args);
        if (!matcher.matches()) {
            throw new MagicUsageException("cannot read %timeit options: " + args);
        }
        int loops = 0;
        int runs = 0;
        Matcher option = OPTION.matcher(matcher.group(1));
        while (option.find()) {
            int value = Integer.parseInt(option.group(2));
            if (value < 1) {
                throw new MagicUsageException("-" + option.group(1) + " must be at least 1");
            }
            if (option.group(1).equals("n")) {
                loops = value;
            } else {
                runs = value;
            }
        }
        return new Options(loops, runs, matcher.group(2));
    }
}
