package stopcheck;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A read with VarHandle.getOpaque per check: ordered less strictly than a volatile read. */
final class Hook {
    private static boolean stop;
    private static final VarHandle STOP;

    static {
        try {
            STOP = MethodHandles.lookup().findStaticVarHandle(Hook.class, "stop", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static void check() {
        if ((boolean) STOP.getOpaque()) {
            throw new Stopped();
        }
    }

    static void requestStop() {
        STOP.setVolatile(true);
    }

    static void clear() {
        STOP.setVolatile(false);
    }
}
