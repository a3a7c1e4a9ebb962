package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The lines of the classes JShell compiles for a cell, mapped back to the cell's lines: what the debugger needs
 * to stop at a breakpoint the user set in the cell, and to show where a thread stopped.
 */
class WrapperLinesTest {
    /** What the evaluator announced: the line map of each snippet, and the classes defined after it. */
    private static final class Recording implements CellInstrumentation {
        final Map<String, WrapperLines> linesByClass = new ConcurrentHashMap<>();
        final Map<String, byte[]> bytesByClass = new ConcurrentHashMap<>();
        volatile WrapperLines current;

        @Override
        public boolean wantsLines() {
            return true;
        }

        @Override
        public void compiling(String cell, WrapperLines lines) {
            current = lines;
        }

        @Override
        public byte[] instrument(String className, byte[] bytecode) {
            linesByClass.put(className, current);
            bytesByClass.put(className, bytecode);
            return bytecode;
        }
    }

    private static final Recording RECORDING = new Recording();
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void startJShell() {
        evaluator = JShellEvaluator.start(List.of(), CompileClassPath.narrowedTo(jar -> true),
                new PrintStream(OutputStream.nullOutputStream()), () -> { }, RECORDING);
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    @Test
    void aMethodsLinesAreItsLinesInTheCell() {
        String cell = "// a method\nint twice(int x) {\n    int y = x * 2;\n    return y;\n}\n";
        evaluator.evaluate(cell, 1);
        assertEquals(Set.of(3, 4), cellLinesOf("twice"));
    }

    @Test
    void topLevelCodeAfterOtherSnippetsMapsToItsOwnLines() {
        String cell = "int base = 40;\nint plus(int x) {\n    return x + base;\n}\nint total =\n    plus(2);\n";
        evaluator.evaluate(cell, 2);
        assertEquals(Set.of(3), cellLinesOf("plus"));
        assertEquals(42, ((Number) ((CellOutcome.Success) evaluator.evaluate("total", 3)).value()).intValue());
        assertEquals(Set.of(5, 6, 0), cellLinesOfDoIt("total"), "the statement's lines, and JShell's own assignment");
    }

    @Test
    void anExpressionsValueIsOnItsLine() {
        evaluator.evaluate("\nMath.max(3,\n    4)\n", 6);
        Set<Integer> lines = new TreeSet<>(cellLinesOfDoIt("$" + "2"));
        lines.remove(0);  // JShell's own lines
        assertEquals(Set.of(2), lines);
    }

    @Test
    void aMethodRedefinedInALaterCellMapsToTheLaterCell() {
        evaluator.evaluate("int answer() {\n    return 1;\n}\n", 4);
        evaluator.evaluate("\n\nint answer() {\n    return 42;\n}\n", 5);
        assertEquals(Set.of(4), cellLinesOf("answer"));
    }

    private static Set<Integer> cellLinesOf(String method) {
        List<Set<Integer>> all = allCellLinesOf(method, null);
        return all.get(all.size() - 1);
    }

    /** The do_it$ of the wrapper class that holds the field {@code variable}. */
    private static Set<Integer> cellLinesOfDoIt(String variable) {
        List<Set<Integer>> all = allCellLinesOf("do_it$", variable);
        return all.get(all.size() - 1);
    }

    /**
     * The cell lines of each class's method {@code method}, by class (definition order: JShell names the class
     * that replaces {@code $JShell$1} {@code $JShell$1B}).
     */
    private static List<Set<Integer>> allCellLinesOf(String method, String withField) {
        List<Set<Integer>> found = new ArrayList<>();
        RECORDING.bytesByClass.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(WrapperLinesTest::number)
                        .thenComparingInt(String::length).thenComparing(name -> name))
                .forEach(name -> {
                    ClassNode node = new ClassNode();
                    new ClassReader(RECORDING.bytesByClass.get(name)).accept(node, 0);
                    if (withField != null && node.fields.stream().noneMatch(field -> field.name.equals(withField))) {
                        return;
                    }
                    for (MethodNode candidate : node.methods) {
                        if (candidate.name.equals(method)) {
                            Set<Integer> lines = new TreeSet<>();
                            for (AbstractInsnNode insn : candidate.instructions) {
                                if (insn instanceof LineNumberNode line) {
                                    lines.add(RECORDING.linesByClass.get(name).cellLine(line.line));
                                }
                            }
                            found.add(lines);
                        }
                    }
                });
        return found;
    }

    private static int number(String className) {
        return Integer.parseInt(className.replaceAll("^REPL\\.\\$JShell\\$(\\d+).*$", "$1"));
    }
}
