package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.javaparallel.parallel.spi.TopLevelVariable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A cell's value is the cell's result and nothing more: JShell's {@code $N} variable that held it is dropped (it would
 * be imported into, and read by javac for, every later snippet), its value is not kept alive by the class that held
 * it, and the variables the user declared stay. Cell classes are looked up by the cells' loader alone.
 */
class ExpressionValuesTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void startJShell() {
        evaluator = JShellEvaluator.start(List.of(), CompileClassPath.narrowedTo(jar -> true),
                new PrintStream(OutputStream.nullOutputStream()), () -> { }, CellInstrumentation.NONE);
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    private static Object valueOf(String cell, int number) {
        CellOutcome outcome = evaluator.evaluate(cell, number);
        CellOutcome.Success success = assertInstanceOf(CellOutcome.Success.class, outcome, outcome::toString);
        assertTrue(success.hasValue(), cell + " should have a value");
        return success.value();
    }

    private static List<String> variableNames() {
        return evaluator.cellCode().variables().stream().map(TopLevelVariable::name).toList();
    }

    @Test
    void anExpressionsValueIsShownAndItsTemporaryIsDropped() {
        assertEquals(2, valueOf("1+1", 1));
        assertEquals(List.of(), variableNames().stream().filter(name -> name.startsWith("$")).toList());
        assertEquals(30, valueOf("int declared = 10;\ndeclared * 3", 2));
        assertTrue(variableNames().contains("declared"), "a declared variable stays: " + variableNames());
        assertEquals(11, valueOf("declared + 1", 3), "later cells still compile against the declared variable");
    }

    @Test
    void aDroppedValueIsNoLongerHeldByItsClass() throws InterruptedException {
        WeakReference<Object> value = new WeakReference<>(valueOf("new StringBuilder(\"dropped\")", 10));
        evaluator.evaluate("int afterIt = 1;", 11); // the evaluator keeps only the last snippet's value
        for (int i = 0; i < 50 && value.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(value.get(), "the value of a dropped temporary is still reachable");
    }

    @Test
    void cellClassesAreLookedUpWithoutAskingTheParentLoader(@TempDir Path directory) throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        ClassLoader parent = new ClassLoader(ExpressionValuesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }
        };
        String name = "REPL.$JShell$7";
        try (CellClassStore store = new CellClassStore(directory, parent, CellInstrumentation.NONE)) {
            byte[] bytecode = emptyClass(name);
            store.defineAll(Map.of(name, bytecode), Map.of(name, bytecode));
            assertEquals(name, store.loadClass(name).getName());
            assertThrows(ClassNotFoundException.class, () -> store.loadClass("REPL.$JShell$8"));
            assertEquals(List.of(), asked.stream().filter(lookedUp -> lookedUp.startsWith("REPL.")).toList(),
                    "a cell class name reached the parent loader");
            assertEquals(String.class, store.loadClass("java.lang.String"), "other classes still come from the parent");
        }
    }

    private static byte[] emptyClass(String binaryName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, binaryName.replace('.', '/'), null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }
}
