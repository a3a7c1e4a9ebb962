package stopcheck;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * check() calls a constant method handle whose call site targets a no-op; requestStop() retargets it to a
 * method that throws. Compiled code inlines the no-op and depends on the target; changing the target
 * deoptimizes that code.
 */
final class Hook {
    private static final MethodHandle CONTINUE;
    private static final MethodHandle STOP;
    private static final MutableCallSite SITE;
    private static final MethodHandle CHECK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONTINUE = lookup.findStatic(Hook.class, "proceed", MethodType.methodType(void.class));
            STOP = lookup.findStatic(Hook.class, "stop", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        SITE = new MutableCallSite(CONTINUE);
        CHECK = SITE.dynamicInvoker();
    }

    private static void proceed() {
    }

    private static void stop() {
        throw new Stopped();
    }

    static void check() {
        try {
            CHECK.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static synchronized void requestStop() {
        retarget(STOP);
    }

    static synchronized void clear() {
        retarget(CONTINUE);
    }

    private static void retarget(MethodHandle target) {
        if (SITE.getTarget() != target) {
            SITE.setTarget(target);
            MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        }
    }
}
