package org.javaparallel.gpu;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.exception.CompileFailedException;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.bcel.classfile.JavaClass;

/**
 * A function of two doubles, written once in Java, applied element by element to two arrays: serially, on the CPU's
 * threads, or on the best OpenCL device ({@link OpenCl#best()}), where Aparapi translates {@link #apply} to OpenCL C.
 * Where there is no OpenCL runtime, or Aparapi cannot translate the function, {@link #onDevice} runs it on Java
 * threads instead and says so, once, on standard error.
 *
 * <pre>{@code
 * class F extends DoubleElementwise {
 *     public double apply(double x, double y) { return x * x * x + 4 * Math.sin(y); }
 * }
 * try (F f = new F()) {
 *     double[] onCpu = f.threads(x, y);
 *     DeviceRun run = f.onDevice(x, y);   // run.ranOn() names the device
 * }
 * }</pre>
 *
 * <p>What {@code apply} may do on the device is what OpenCL C can: arithmetic on primitives, {@code Math}'s functions,
 * calls to other methods of the same class; no objects, no other classes' methods, no exceptions. The class is an
 * Aparapi {@link Kernel}, so it holds device resources once run there: close it. Classes defined in notebook cells
 * work too (the kernel keeps their bytecode). Methods that run it are synchronized: one run at a time per instance.
 */
public abstract class DoubleElementwise extends Kernel implements AutoCloseable {
    /** Each fallback reason is told once per JVM: a notebook that runs many sizes gets one notice. */
    private static final Set<String> NOTICES_GIVEN = ConcurrentHashMap.newKeySet();

    /* The arrays of the current device run: Aparapi turns the fields run() reads into the OpenCL kernel's arguments,
       and it finds a superclass's fields only when they are not private. */
    double[] x;
    double[] y;
    double[] out;
    private Device compiledFor;
    /** Why Aparapi could not compile {@link #apply} for OpenCL, once it tried; later runs go to Java directly. */
    private String compileFailure;

    /** For subclasses, which define {@link #apply}. */
    protected DoubleElementwise() {
    }

    /**
     * The function, applied to one element of each array.
     *
     * @param x the element of the first array
     * @param y the element of the second array at the same index
     * @return the result at that index
     */
    public abstract double apply(double x, double y);

    /** The OpenCL kernel: one work item per index. Aparapi translates this method and what it calls. */
    @Override
    public final void run() {
        int i = getGlobalId();
        out[i] = apply(x[i], y[i]);
    }

    /**
     * Applies the function on this thread, index by index.
     *
     * @param x the first arguments
     * @param y the second arguments, as many as {@code x}
     * @return {@code apply(x[i], y[i])} for every index
     */
    public final double[] serial(double[] x, double[] y) {
        double[] result = new double[requireSameLength(x, y)];
        for (int i = 0; i < result.length; i++) {
            result[i] = apply(x[i], y[i]);
        }
        return result;
    }

    /**
     * Applies the function on the CPU's cores: a parallel stream over the indices, on the common fork-join pool.
     *
     * @param x the first arguments
     * @param y the second arguments, as many as {@code x}
     * @return {@code apply(x[i], y[i])} for every index
     */
    public final double[] threads(double[] x, double[] y) {
        double[] result = new double[requireSameLength(x, y)];
        IntStream.range(0, result.length).parallel().forEach(i -> result[i] = apply(x[i], y[i]));
        return result;
    }

    /**
     * Applies the function on the best OpenCL device: copies the arrays there, runs the kernel, copies the result
     * back, and then runs the kernel once more on the arrays already there, to time the device without the copies.
     * The first run on a device also translates and compiles the kernel, which is not timed. Without an OpenCL
     * runtime, or when Aparapi cannot translate {@link #apply}, it runs {@link #threads} instead and prints why.
     *
     * @param x the first arguments
     * @param y the second arguments, as many as {@code x}
     * @return the values, the device that computed them, and the times with and without the copies
     */
    public final synchronized DeviceRun onDevice(double[] x, double[] y) {
        requireSameLength(x, y);
        Optional<OpenCl.FoundDevice> device = OpenCl.bestFound();
        if (device.isEmpty()) {
            return onJavaThreads(x, y, OpenCl.absence() + ". Install " + OpenCl.INSTALL_ADVICE);
        }
        if (compileFailure == null) {
            try {
                compileFor(device.get().aparapi());
            } catch (CompileFailedException e) {
                compileFailure = "Aparapi cannot translate " + functionName() + " to OpenCL: " + rootMessage(e);
            }
        }
        return compileFailure == null ? onCompiledDevice(x, y, device.get()) : onJavaThreads(x, y, compileFailure);
    }

    /**
     * Releases what the kernel holds on the device; the instance must not run on the device afterwards. A kernel that
     * never compiled holds nothing, and Aparapi 3.0.2's dispose crashes the JVM on one whose OpenCL build failed
     * (it releases a command queue that does not exist), so only a compiled kernel is disposed.
     */
    @Override
    public void close() {
        if (compiledFor != null) {
            dispose();
        }
    }

    private void compileFor(Device device) throws CompileFailedException {
        if (device.equals(compiledFor)) {
            return;
        }
        List<JavaClass> cellClasses = CellClassBytecode.offerToTranslator(getClass());
        compile(device);
        compiledFor = device;
        Reference.reachabilityFence(cellClasses); // BCEL's repository holds them only softly
    }

    private DeviceRun onCompiledDevice(double[] x, double[] y, OpenCl.FoundDevice device) {
        this.x = x;
        this.y = y;
        this.out = new double[x.length];
        try {
            Range range = device.aparapi().createRange(x.length);
            setExplicit(true); // copies happen at put and get only, so that the second run copies nothing
            long start = System.nanoTime();
            put(x).put(y).execute(range).get(out);
            long copied = System.nanoTime();
            execute(range);
            long resident = System.nanoTime();
            boolean onOpenCl = isRunningCL();
            String ranOn = onOpenCl ? device.device().describe() : aparapiFellBack();
            return new DeviceRun(out, ranOn, onOpenCl, Duration.ofNanos(copied - start),
                    Duration.ofNanos(resident - copied));
        } finally {
            cleanUpArrays();
            this.x = null;
            this.y = null;
            this.out = null;
        }
    }

    /** Aparapi's own fallback, after a failure on the device: it ran the kernel in Java (JTP or SEQ). */
    private String aparapiFellBack() {
        String reason = "Aparapi fell back to " + getTargetDevice().getShortDescription() + " for " + functionName();
        notice(reason);
        return "Java (" + reason + ")";
    }

    private DeviceRun onJavaThreads(double[] x, double[] y, String reason) {
        notice(reason);
        long start = System.nanoTime();
        double[] values = threads(x, y);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        return new DeviceRun(values, "Java threads (" + reason + ")", false, time, time);
    }

    /** The class as its author named it (a cell's class is "F", not "REPL.$JShell$12$F"). */
    private String functionName() {
        Class<?> type = getClass();
        return type.isAnonymousClass() ? "an anonymous " + type.getSuperclass().getSimpleName() : type.getSimpleName();
    }

    private static void notice(String reason) {
        if (NOTICES_GIVEN.add(reason)) {
            System.err.println("java-parallel-gpu: running on Java threads instead of OpenCL: " + reason);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static int requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("the arrays differ in length: " + x.length + " and " + y.length);
        }
        return x.length;
    }
}
