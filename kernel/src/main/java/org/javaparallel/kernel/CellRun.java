package org.javaparallel.kernel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.javaparallel.eval.CellOutcome;
import org.javaparallel.eval.JShellEvaluator;
import org.javaparallel.kernel.io.CellOutput;
import org.javaparallel.magic.CellScript;
import org.javaparallel.magic.MagicContext;
import org.javaparallel.magic.MagicRegistry;
import org.javaparallel.magic.MagicUsageException;

/**
 * One execution of a cell: its steps (Java code, line magics, or one cell magic) run in order until the
 * first failure, which is reported as the cell's error; the last value produced is the cell's result.
 */
final class CellRun implements MagicContext {
    /** The error a failed cell reports: Jupyter's ename, evalue and traceback lines. */
    record Failure(String name, String message, List<String> traceback) {
    }

    private final JShellEvaluator evaluator;
    private final MagicRegistry magics;
    private final CellMessages messages;
    private final PrintStream out;
    private final CellOutput output;
    private final int cellNumber;
    private Object value;
    private boolean hasValue;
    private Failure failure;

    CellRun(JShellEvaluator evaluator, MagicRegistry magics, CellMessages messages, PrintStream out,
            CellOutput output, int cellNumber) {
        this.evaluator = evaluator;
        this.magics = magics;
        this.messages = messages;
        this.out = out;
        this.output = output;
        this.cellNumber = cellNumber;
    }

    void execute(String cell) {
        try {
            CellScript script = CellScript.parse(cell);
            if (script instanceof CellScript.WholeCellMagic whole) {
                magics.cell(whole.name()).cell(whole.args(), whole.body(), this);
            } else if (script instanceof CellScript.Steps steps) {
                for (CellScript.Step step : steps.steps()) {
                    if (failure != null) {
                        break;
                    }
                    if (step instanceof CellScript.Code code) {
                        evaluate(code.source(), true);
                    } else if (step instanceof CellScript.LineMagic magic) {
                        magics.line(magic.name()).line(magic.args(), this);
                    }
                }
            }
        } catch (MagicUsageException usage) {
            fail(new Failure("UsageError", usage.getMessage(), List.of("UsageError: " + usage.getMessage())));
        } catch (Exception e) {
            fail(new Failure(e.getClass().getName(), String.valueOf(e.getMessage()), List.of(e.toString())));
        }
    }

    @Override
    public Outcome evaluate(String code, boolean reportErrors) {
        if (failure != null) {
            return Outcome.FAILED;
        }
        CellOutcome outcome = evaluator.evaluate(code, cellNumber);
        if (outcome instanceof CellOutcome.Success success) {
            if (success.hasValue()) {
                value = success.value();
                hasValue = true;
            }
            return Outcome.SUCCEEDED;
        }
        if (outcome instanceof CellOutcome.CompileError && !reportErrors) {
            return Outcome.DID_NOT_COMPILE;
        }
        fail(describe(outcome));
        return outcome instanceof CellOutcome.CompileError ? Outcome.DID_NOT_COMPILE : Outcome.FAILED;
    }

    private static Failure describe(CellOutcome outcome) {
        if (outcome instanceof CellOutcome.CompileError error) {
            String where = "line " + error.line() + ", column " + error.column();
            List<String> traceback = new ArrayList<>();
            traceback.add("CompileError: " + where + ": " + error.message());
            traceback.add("    " + error.sourceLine());
            traceback.add("    " + " ".repeat(Math.max(0, error.column() - 1)) + "^");
            return new Failure("CompileError", where + ": " + error.message(), traceback);
        }
        if (outcome instanceof CellOutcome.RuntimeError error) {
            List<String> traceback = new ArrayList<>(error.trace());
            if (error.failure() instanceof OutOfMemoryError) {
                traceback.add("The kernel recovered: the objects this cell allocated were freed, and all"
                        + " earlier definitions are intact. Use less memory, or give the kernel more (-Xmx).");
            }
            return new Failure(error.type(), String.valueOf(error.message()), traceback);
        }
        if (outcome instanceof CellOutcome.Unresolved unresolved) {
            return new Failure("UnresolvedReference", unresolved.message(),
                    List.of("UnresolvedReference: " + unresolved.message()));
        }
        return new Failure("Interrupted", "the cell was interrupted",
                List.of("Interrupted: the cell was stopped; earlier definitions are intact."));
    }

    private void fail(Failure first) {
        if (failure == null) {
            failure = first;
            out.flush();
            output.flush();
            messages.error(first.name(), first.message(), first.traceback());
        }
    }

    Failure failure() {
        return failure;
    }

    boolean hasValue() {
        return hasValue && failure == null;
    }

    Object value() {
        return value;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public void addToClasspath(Path entry) {
        evaluator.addToClasspath(entry);
    }

    @Override
    public void addSources(Path sourcesJar) {
        evaluator.addSources(sourcesJar);
    }

    @Override
    public MagicRegistry registry() {
        return magics;
    }
}
