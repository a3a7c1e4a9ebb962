package stopcheck;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.SwitchPoint;

/**
 * check() calls a constant method handle guarded by a SwitchPoint: a no-op while the switch point is valid,
 * a throwing method once requestStop() invalidates it. A switch point cannot be made valid again, so clear()
 * installs a fresh one through a mutable call site.
 */
final class Hook {
    private static final MethodHandle CONTINUE;
    private static final MethodHandle STOP;
    private static final MutableCallSite SITE;
    private static final MethodHandle CHECK;
    private static SwitchPoint running;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONTINUE = lookup.findStatic(Hook.class, "proceed", MethodType.methodType(void.class));
            STOP = lookup.findStatic(Hook.class, "stop", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        running = new SwitchPoint();
        SITE = new MutableCallSite(running.guardWithTest(CONTINUE, STOP));
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
        SwitchPoint.invalidateAll(new SwitchPoint[] {running});
    }

    static synchronized void clear() {
        if (running.hasBeenInvalidated()) {
            running = new SwitchPoint();
            SITE.setTarget(running.guardWithTest(CONTINUE, STOP));
            MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        }
    }
}
