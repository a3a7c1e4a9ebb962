package org.javaparallel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.javaparallel.parallel.spi.CellInterrupts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loops in woven code stop when a stop is requested, also once the JIT has compiled them, on the running JDK. */
class CellCodeWeaverTest {
    /** What a cell might define; the tests load a woven copy of it. */
    public static final class Loops {
        public static double sumOfRoots(long n) {
            double sum = 0;
            for (long i = 0; i < n; i++) {
                sum += Math.sqrt(i);
            }
            return sum;
        }

        public static void spin() {
            while (true) {
            }
        }
    }

    private Method sumOfRoots;
    private Method spin;

    @BeforeEach
    void loadWovenLoops() throws Exception {
        CellInterrupts.clear();
        Class<?> woven = new WovenClassLoader().load(Loops.class);
        sumOfRoots = woven.getMethod("sumOfRoots", long.class);
        spin = woven.getMethod("spin");
    }

    @AfterEach
    void clearStop() {
        CellInterrupts.clear();
    }

    @Test
    void aCompiledLoopStopsAndRunsAgainAfterClear() throws Exception {
        double expected = Loops.sumOfRoots(1_000_000);
        for (int call = 0; call < 200; call++) { // enough calls for the JIT to compile it as a method, not OSR
            assertEquals(expected, (double) sumOfRoots.invoke(null, 1_000_000L));
        }
        assertStopsWithinASecond(sumOfRoots, Long.MAX_VALUE);
        CellInterrupts.clear();
        assertEquals(expected, (double) sumOfRoots.invoke(null, 1_000_000L));
    }

    @Test
    void whileTrueStopsEveryTime() throws Exception {
        for (int run = 0; run < 5; run++) { // the later runs execute code compiled by the earlier ones
            CellInterrupts.clear();
            assertStopsWithinASecond(spin);
        }
    }

    @Test
    void aLoopStartedAfterTheStopRequestStopsAtOnce() throws Exception {
        CellInterrupts.requestStop();
        assertInstanceOf(CellInterrupts.CellInterruptedError.class, start(spin).get(1, TimeUnit.SECONDS));
    }

    private static void assertStopsWithinASecond(Method loop, Object... args) throws Exception {
        CompletableFuture<Throwable> ended = start(loop, args);
        Thread.sleep(200);
        assertFalse(ended.isDone(), "the loop ended before the stop request");
        CellInterrupts.requestStop();
        assertInstanceOf(CellInterrupts.CellInterruptedError.class, ended.get(1, TimeUnit.SECONDS));
    }

    /** Runs the loop on a thread of its own; completes with what the loop threw. */
    private static CompletableFuture<Throwable> start(Method loop, Object... args) {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                loop.invoke(null, args);
                ended.complete(null);
            } catch (InvocationTargetException e) {
                ended.complete(e.getCause());
            } catch (ReflectiveOperationException e) {
                ended.complete(e);
            }
        }, "woven-loop");
        runner.setDaemon(true); // should the assertion fail, a loop that did not stop must not keep the JVM alive
        runner.start();
        return ended;
    }

    /** Defines the woven copy of one class, as the kernel defines cell classes. */
    private static final class WovenClassLoader extends ClassLoader {
        WovenClassLoader() {
            super(CellCodeWeaverTest.class.getClassLoader());
        }

        Class<?> load(Class<?> original) throws IOException {
            String resource = original.getName().replace('.', '/') + ".class";
            try (InputStream in = original.getClassLoader().getResourceAsStream(resource)) {
                byte[] woven = CellCodeWeaver.weave(in.readAllBytes());
                return defineClass(original.getName(), woven, 0, woven.length);
            }
        }
    }
}
