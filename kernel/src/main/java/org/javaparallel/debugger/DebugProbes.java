package org.javaparallel.debugger;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;

/**
 * What the probes woven into cell classes call; public because cell classes live in another class loader and
 * package. Each line of a cell run while the debugger is on starts with
 * {@code if (DebugProbes.armed(site)) DebugProbes.hit(site, locals)}; cells run while it is off get no probes.
 *
 * <p>{@link #armed} runs at every line, so with the debugger off it must cost nothing. As with
 * {@code CellInterrupts.check()}, it calls a constant method handle through a {@link MutableCallSite}: off, the
 * target is the constant {@code false}, which the JIT inlines and folds, dropping the probe from compiled code.
 * On, the target is bound to an immutable {@link Plan} (which sites have a breakpoint, whether a thread steps), so
 * the check is a load from an array the JIT treats as loop-invariant. A new plan retargets the call site, which
 * deoptimizes the compiled code that inlined the old one, running loops included.
 */
public final class DebugProbes {
    private static final MethodHandle OFF =
            MethodHandles.dropArguments(MethodHandles.constant(boolean.class, false), 0, int.class);
    private static final MethodHandle PLAN_CHECK = planCheck();
    private static final MutableCallSite GUARD = new MutableCallSite(OFF);
    private static final MethodHandle ARMED = GUARD.dynamicInvoker();
    private static final List<ProbeSite> SITES = new ArrayList<>();
    private static volatile Listener listener;

    private DebugProbes() {
    }

    /** Who handles a probe that fires: the debugger. */
    interface Listener {
        void hit(ProbeSite site, Object[] locals);
    }

    /**
     * Called by woven code at the start of each line.
     *
     * @param site the probe's number
     * @return whether the probe may stop here (a breakpoint on its site, or a thread that steps)
     */
    public static boolean armed(int site) {
        try {
            return (boolean) ARMED.invokeExact(site);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("the debugger's probe check threw a checked exception", e);
        }
    }

    /**
     * Called by woven code when {@link #armed} said yes; stops the thread if the debugger wants it to.
     *
     * @param site the probe's number
     * @param locals the values of the site's locals, in the order of {@link ProbeSite#localNames()}
     */
    public static void hit(int site, Object[] locals) {
        Listener current = listener;
        if (current != null) {
            current.hit(site(site), locals);
        }
    }

    static synchronized int register(ProbeSite site) {
        SITES.add(site);
        return SITES.size() - 1;
    }

    static synchronized ProbeSite site(int number) {
        return SITES.get(number);
    }

    static synchronized List<ProbeSite> sites() {
        return List.copyOf(SITES);
    }

    static void listen(Listener debugger) {
        listener = debugger;
    }

    /** Arms the probes by {@code plan}; {@code null} turns them all off (the constant false). */
    static synchronized void arm(Plan plan) {
        MethodHandle target = plan == null ? OFF : PLAN_CHECK.bindTo(plan);
        GUARD.setTarget(target);
        MutableCallSite.syncAll(new MutableCallSite[] {GUARD});
    }

    private static MethodHandle planCheck() {
        try {
            return MethodHandles.lookup().findVirtual(Plan.class, "armed", MethodType.methodType(boolean.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Which probes may stop: those of {@code sites} marked true, or every one while {@code everywhere} (a thread
     * steps or is to pause). Immutable: a change is a new plan.
     */
    record Plan(boolean[] sites, boolean everywhere) {
        boolean armed(int site) {
            return everywhere || site < sites.length && sites[site];
        }
    }
}
