from nbgen import md, code, header, write

write("08-jit-and-simd", [
    md("""
    # 08 · The JIT compiler and SIMD

    Python is interpreted; Numba's `@jit` compiles a function to machine code on its first call, which
    makes the first call slow and later calls fast. **Java does this for every method, automatically.**
    `javac` compiles to bytecode; the JVM first *interprets* the bytecode, counts how often each method
    and loop runs, and compiles the hot ones to machine code (the JIT: first a quick compile, then an
    optimised one). The optimised compile can also *vectorise* loops: use SIMD instructions that work on
    several numbers at once, as Numba's `@vectorize` does.

    The running example is the slides' function `f(x, y) = x³ + 4·sin(y)` applied to two arrays.
    """),
    header("""
    int N = SMALL ? 1 << 18 : 1 << 22;        // elements per array
    int INTERPRETED_N = SMALL ? 1 << 14 : 1 << 17;
    """),
    md("""
    ## Warm-up: the first calls are slower

    We call the same method on the same data twelve times and time every call. The early calls run in
    the interpreter or in quickly compiled code; once the optimised code is installed, the time drops.
    """),
    code("""
    float[] xs = new float[N], ys = new float[N], out = new float[N];
    var random = new Random(1);
    for (int i = 0; i < N; i++) { xs[i] = random.nextFloat(); ys[i] = random.nextFloat() * 6.2832f; }

    void f(float[] x, float[] y, float[] out) {
        for (int i = 0; i < x.length; i++) out[i] = x[i] * x[i] * x[i] + 4f * (float) Math.sin(y[i]);
    }
    for (int call = 1; call <= 12; call++) {
        long t = System.nanoTime();
        f(xs, ys, out);
        System.out.printf("call %2d: %8.3f ms%n", call, (System.nanoTime() - t) / 1e6);
    }
    """),
    md("""
    `%timeit` warms the code up before it measures (its output says how many calls that took), so it
    reports the steady state — the number to compare with Numba's time *after* the first call.
    """),
    code("""
    %timeit -n 5 -r 5 f(xs, ys, out)
    """),
    md("""
    ## Experiments in a fresh JVM

    To switch the JIT's features off we need JVM options, so the next cells run a small benchmark
    program in a new JVM (the same `java` as this kernel, launching a source file directly). The helper
    below writes the source to a temporary folder, runs it with the given options and prints its output.
    """),
    code("""
    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    void runJava(String className, String source, List<String> jvmOptions, String... args) throws Exception {
        Path dir = Files.createTempDirectory("jit-demo");
        Path file = Files.writeString(dir.resolve(className + ".java"), source);
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(jvmOptions);
        command.add(file.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String stdout = new String(p.getInputStream().readAllBytes());
        String stderr = new String(p.getErrorStream().readAllBytes());
        int exit = p.waitFor();
        System.out.print(stdout);
        if (exit != 0) System.out.println("exit " + exit + ": " + stderr);
        try (var files = Files.walk(dir)) { files.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete()); }
    }
    """),
    code(r'''
    String loopBench = """
        import java.util.Random;
        public class LoopBench {
            // Vectorisable: every element is independent, and only + and * are used.
            static void poly(float[] x, float[] y, float[] out) {
                for (int i = 0; i < x.length; i++) out[i] = x[i] * x[i] * x[i] + 4f * y[i];
            }
            public static void main(String[] args) {
                int n = Integer.parseInt(args[0]);
                float[] x = new float[n], y = new float[n], out = new float[n];
                Random r = new Random(1);
                for (int i = 0; i < n; i++) { x[i] = r.nextFloat(); y[i] = r.nextFloat(); }
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 200; round++) {
                    long t = System.nanoTime();
                    poly(x, y, out);
                    best = Math.min(best, (System.nanoTime() - t) / (double) n);
                }
                System.out.printf("  %-44s %7.3f ns per element%n", args[1], best);
            }
        }
        """;
    runJava("LoopBench", loopBench, List.of("-Xint"), String.valueOf(INTERPRETED_N), "interpreter only (-Xint)");
    runJava("LoopBench", loopBench, List.of("-XX:-UseSuperWord"), String.valueOf(N), "JIT, auto-vectorisation off (-XX:-UseSuperWord)");
    runJava("LoopBench", loopBench, List.of(), String.valueOf(N), "JIT with auto-vectorisation (default)");
    '''),
    md("""
    The loop `out[i] = x[i]³ + 4·y[i]` is the part of `f` without the sine. The JIT's *SuperWord* pass
    turns it into SIMD instructions on its own; switching that pass off shows what it gained. The loop
    with `Math.sin` is not auto-vectorised: the JIT has no SIMD sine for a plain loop.

    ## The Vector API: SIMD you write yourself

    `jdk.incubator.vector` lets you write SIMD code explicitly: a `FloatVector` holds as many floats as
    the CPU's SIMD registers fit, and `lanewise(SIN)` computes the sine of all of them. It is an
    *incubator* module (not final yet), so a JVM must be started with
    `--add-modules jdk.incubator.vector` to use it. Is it available in this kernel's JVM?
    """),
    code("""
    System.out.println("this JDK ships the module:         " + java.lang.module.ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent());
    System.out.println("the kernel's JVM has it loaded:    " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    """),
    md("""
    If the second line says `false`, cells in this kernel cannot use the Vector API; installing the kernel
    with `./install.sh --jvm-opt --add-modules=jdk.incubator.vector` loads it. To run either way, the
    comparison below uses a fresh JVM with the module added.
    """),
    code(r'''
    String vectorBench = """
        import java.util.Random;
        import jdk.incubator.vector.FloatVector;
        import jdk.incubator.vector.VectorOperators;
        import jdk.incubator.vector.VectorSpecies;
        public class VectorBench {
            static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
            static void scalar(float[] x, float[] y, float[] out) {
                for (int i = 0; i < x.length; i++) out[i] = x[i] * x[i] * x[i] + 4f * (float) Math.sin(y[i]);
            }
            static void vector(float[] x, float[] y, float[] out) {
                int i = 0;
                for (; i < SPECIES.loopBound(x.length); i += SPECIES.length()) {
                    var vx = FloatVector.fromArray(SPECIES, x, i);
                    var vy = FloatVector.fromArray(SPECIES, y, i);
                    vx.mul(vx).mul(vx).add(vy.lanewise(VectorOperators.SIN).mul(4f)).intoArray(out, i);
                }
                for (; i < x.length; i++) out[i] = x[i] * x[i] * x[i] + 4f * (float) Math.sin(y[i]);   // the tail
            }
            static double best(Runnable kernel, int n) {
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 200; round++) {
                    long t = System.nanoTime(); kernel.run(); best = Math.min(best, (System.nanoTime() - t) / (double) n);
                }
                return best;
            }
            public static void main(String[] args) {
                int n = Integer.parseInt(args[0]);
                float[] x = new float[n], y = new float[n], a = new float[n], b = new float[n];
                Random r = new Random(1);
                for (int i = 0; i < n; i++) { x[i] = r.nextFloat(); y[i] = r.nextFloat() * 6.2832f; }
                System.out.printf("  SIMD width: %d floats (%d bits)%n", SPECIES.length(), SPECIES.vectorBitSize());
                System.out.printf("  scalar loop with Math.sin: %7.3f ns per element%n", best(() -> scalar(x, y, a), n));
                System.out.printf("  Vector API with SIN lanes: %7.3f ns per element%n", best(() -> vector(x, y, b), n));
                double maxDiff = 0;
                for (int i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
                System.out.printf("  largest difference between the two results: %.2e%n", maxDiff);
            }
        }
        """;
    runJava("VectorBench", vectorBench, List.of("--add-modules", "jdk.incubator.vector"), String.valueOf(N));
    '''),
    md("""
    The two results differ in the last bits: the vector sine is a different (still accurate)
    approximation from `Math.sin`.

    ## And on a GPU?

    Numba's `@vectorize(target='cuda')` compiles the same function for an NVIDIA GPU. The JDK itself has
    no GPU back end. In Java this takes a library that translates Java code to GPU code at run time —
    TornadoVM (OpenCL, PTX, SPIR-V), Aparapi (OpenCL), or JCuda (hand-written CUDA kernels called from
    Java) — plus a GPU with its driver on the machine that runs the kernel. The data must also be copied
    to the GPU and back, so it pays only for large arrays and heavy arithmetic. Is there an NVIDIA GPU
    here?
    """),
    code("""
    System.out.println("NVIDIA device file /dev/nvidia0 present: " + Files.exists(Path.of("/dev/nvidia0")));
    """),
    md("""
    ## Exercises

    1. Write `fib(30)` recursively and print the time of its first ten calls. When does the JIT kick in?
    2. Add a loop with a dependency between iterations (`out[i] = out[i - 1] * 0.5f + x[i]`) to
       `LoopBench`. Does `-XX:-UseSuperWord` change its time? Why not?
    3. Write the Vector API version of `out[i] = x[i]³ + 4·y[i]` (no sine) and compare it with the
       auto-vectorised loop.
    """),
])
