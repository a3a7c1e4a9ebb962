from nbgen import md, code, header, write

write("01-why-is-it-slow", [
    md("""
    # 01 · Why is it slow?

    Before making a program parallel, find out *what it waits for*. Three kinds of slowness need three
    different cures:

    * **CPU-bound** — the processor is busy computing all the time. More cores help.
    * **I/O-bound** — the program waits for a disk, a network or a user. The CPU idles; overlapping the
      waits (threads, notebook 03) helps, more cores do not.
    * **Memory-bound** — the CPU waits for data from main memory. Better *locality* (reading memory in
      order) helps more than more cores.

    The tool that tells them apart: compare **wall time** (the clock on the wall) with **CPU time** (the
    time the thread really ran on a core).
    """),
    header("""
    long CPU_STEPS = SMALL ? 2_000_000 : 40_000_000;
    int WAITS = SMALL ? 5 : 20;                        // number of 50 ms waits
    int ARRAY_INTS = SMALL ? 4 << 20 : 64 << 20;       // 16 MiB or 256 MiB of ints
    """),
    code("""
    // measure(label, work): wall time and this thread's CPU time for one run of work.
    var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
    record Measured(String label, double wallMs, double cpuMs) {
        String row() { return String.format("%-34s wall %8.1f ms   cpu %8.1f ms   cpu/wall %4.0f%%",
                label, wallMs, cpuMs, 100 * cpuMs / wallMs); }
    }
    Measured measure(String label, Runnable work) {
        long cpu0 = threadBean.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
        work.run();
        return new Measured(label, (System.nanoTime() - wall0) / 1e6,
                (threadBean.getCurrentThreadCpuTime() - cpu0) / 1e6);
    }
    """),
    md("""
    ## CPU-bound: computing

    A loop of floating-point arithmetic. Nothing to wait for: CPU time should be close to wall time.
    """),
    code("""
    double sink = 0;   // results go somewhere, so the JIT cannot drop the loop
    Measured cpuBound = measure("CPU-bound: " + CPU_STEPS + " sqrt", () -> {
        double s = 0;
        for (long i = 0; i < CPU_STEPS; i++) s += Math.sqrt(i);
        sink += s;
    });
    System.out.println(cpuBound.row());
    """),
    md("""
    ## I/O-bound: waiting

    `Thread.sleep` stands in for a disk read or a web request: the thread waits and the core is free for
    others. CPU time stays near zero however long the wall time.
    """),
    code("""
    Measured ioBound = measure("I/O-bound: " + WAITS + " waits of 50 ms", () -> {
        for (int i = 0; i < WAITS; i++) {
            try { Thread.sleep(50); } catch (InterruptedException e) { throw new RuntimeException(e); }
        }
    });
    System.out.println(ioBound.row());
    """),
    md("""
    ## Memory-bound: walking an array with a stride

    Memory arrives in the cache in *cache lines* of 64 bytes (16 `int`s). Every walk below reads every
    element of the same array exactly once — the same number of reads and additions. Only the order
    differs: stride 1 reads neighbours, so one cache line serves 16 reads; stride 16 touches a new cache
    line at every read; a large stride also jumps between memory pages. A core stalled on memory counts as
    busy, so CPU time does not reveal this kind of slowness: the time per element does.
    """),
    code("""
    int[] data = new int[ARRAY_INTS];
    Arrays.fill(data, 1);
    long stridedSum(int[] a, int stride) {
        long s = 0;
        for (int start = 0; start < stride; start++)
            for (int i = start; i < a.length; i += stride) s += a[i];
        return s;
    }
    for (int round = 0; round < 5; round++) stridedSum(data, 1 << round);   // let the JIT compile stridedSum first
    for (int stride : new int[] {1, 2, 4, 16, 64, 1024, 4096}) {
        long[] total = new long[1];
        double bestMs = Double.MAX_VALUE;   // best of 3: the least disturbed by other programs
        for (int run = 0; run < 3; run++)
            bestMs = Math.min(bestMs, measure("stride " + stride, () -> total[0] = stridedSum(data, stride)).wallMs());
        System.out.printf("stride %-6d %7.2f ns per element  (sum %d)%n", stride, bestMs * 1e6 / data.length, total[0]);
    }
    """),
    md("""
    ## What the three measurements say

    The table puts the measured ratios side by side. A CPU/wall ratio near 100 % means the thread kept its
    core busy (computing, or stalled on memory); a ratio near 0 % means it waited. On a machine shared with
    other programs the busy ratios drop below 100 %: the thread was ready but the core was taken.
    """),
    code("""
    Measured memoryBound = measure("memory-bound: stride 4096 walk", () -> sink += stridedSum(data, 4096));
    for (Measured m : List.of(cpuBound, ioBound, memoryBound)) System.out.println(m.row());
    """),
    md("""
    ## Exercises

    1. Replace `Thread.sleep` with reading a large file (`Files.readAllBytes`). Is the first read I/O-bound?
       The second? (The operating system caches files in memory.)
    2. Walk the array in a random order (shuffle an index array first). Where does it land compared with
       the strides?
    3. Sum a 2-D `double[n][n]` matrix row by row and column by column. Which is faster and why?
    """),
])
