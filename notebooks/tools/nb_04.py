from nbgen import md, code, header, write

write("04-worker-processes", [
    md("""
    # 04 · Worker processes (spawn)

    A *process* has its own memory; threads of one process share theirs. Python's `multiprocessing`
    starts child processes either by **fork** (the child is a copy of the parent, with all its variables)
    or by **spawn** (a fresh interpreter that is sent the function and its arguments).

    **The JVM cannot fork** (a copy of a JVM with its many threads would not work), so the kernel's
    worker processes have *spawn* semantics:

    * each worker is a new JVM, which costs a JVM start-up;
    * the code of your cells (the classes JShell compiled) and the values your tasks use are *shipped*
      to the worker, serialised; results are shipped back;
    * a worker changing a variable changes its own copy, never the kernel's.

    `Pools.processes(n)` creates a pool of `n` worker JVMs, started when first needed.
    """),
    header("""
    int PRIME_LIMIT = SMALL ? 1_000_000 : 20_000_000;
    int PAYLOAD = SMALL ? 1_000_000 : 10_000_000;   // doubles shipped to the workers
    """),
    md("""
    ## print_square and print_cube in two processes

    The slides' `mp.Process` example. `applyAsync` starts a call on a worker and returns at once; `get()`
    waits for it. What a worker prints appears here too, and each worker reports its process id — not
    the kernel's. The first call includes starting the worker JVMs: compare its time with the second.
    """),
    code("""
    Pool workers = Pools.processes(2);
    void printCube(int num) { System.out.println("Cube: " + num * num * num + "   (pid " + ProcessHandle.current().pid() + ")"); }
    void printSquare(int num) { System.out.println("Square: " + num * num + "   (pid " + ProcessHandle.current().pid() + ")"); }
    System.out.println("kernel pid " + ProcessHandle.current().pid() + "; " + workers.state());

    for (int round = 1; round <= 2; round++) {
        long t0 = System.nanoTime();
        var p1 = workers.applyAsync(() -> { printSquare(10); return null; });
        var p2 = workers.applyAsync(() -> { printCube(10); return null; });
        p1.get();
        p2.get();
        System.out.printf("Done! round %d took %.0f ms%n", round, (System.nanoTime() - t0) / 1e6);
    }
    System.out.println(workers.state());
    """),
    md("""
    ## Separate memory: the worker changes its own copy

    `counter` is a variable of the kernel. The task reads it — its value was shipped with the task — and
    increments it. The kernel's `counter` is unchanged: the two processes share nothing. (On threads the
    same code would change the kernel's variable.)
    """),
    code("""
    int counter = 5;
    int inWorker = workers.apply(() -> { counter++; return counter; });
    System.out.println("in the worker counter became " + inWorker + "; in the kernel it is still " + counter);
    try (Pool threads = Pools.threads(2)) {
        int inThread = threads.apply(() -> { counter++; return counter; });
        System.out.println("on a thread counter became " + inThread + "; in the kernel it is now " + counter);
    }
    """),
    md("""
    ## Shipping data costs time

    Everything a task uses travels to the worker. Here each of four tasks sums the same array of
    `PAYLOAD` doubles: on threads the array is shared, on processes it is serialised and sent.
    """),
    code("""
    double[] payload = new Random(3).doubles(PAYLOAD).toArray();
    List<Integer> four = List.of(0, 1, 2, 3);
    double timeMap(Pool pool) {
        pool.map(i -> payload.length + i, four, 1);   // warm-up (and worker start)
        long t0 = System.nanoTime();
        pool.map(i -> Arrays.stream(payload).sum() + i, four, 1);
        return (System.nanoTime() - t0) / 1e6;
    }
    try (Pool threads = Pools.threads(2)) {
        System.out.printf("4 sums of %d doubles on threads(2):   %8.1f ms%n", PAYLOAD, timeMap(threads));
    }
    System.out.print(String.format("4 sums of %d doubles on processes(2): %8.1f ms%n", PAYLOAD, timeMap(workers)));
    """),
    md("""
    ## Computing in parallel on processes

    Counting primes in blocks: with little data to ship and much computing per task, processes speed
    up CPU work much as threads do (notebook 03), after paying for their start-up.
    """),
    code("""
    boolean isPrime(int n) {
        if (n < 2) return false;
        for (int d = 2; (long) d * d <= n; d++) if (n % d == 0) return false;
        return true;
    }
    long countPrimes(int from, int to) { long c = 0; for (int n = from; n < to; n++) if (isPrime(n)) c++; return c; }
    int BLOCKS = 16, blockSize = PRIME_LIMIT / BLOCKS;
    List<Integer> blocks = IntStream.range(0, BLOCKS).boxed().toList();
    countPrimes(0, blockSize);   // let the kernel's JIT compile it

    long t0 = System.nanoTime();
    long serial = countPrimes(0, BLOCKS * blockSize);
    double serialMs = (System.nanoTime() - t0) / 1e6;
    t0 = System.nanoTime();
    long parallel = workers.map(b -> countPrimes(b * blockSize, (b + 1) * blockSize), blocks, 1).stream().mapToLong(Long::longValue).sum();
    double processMs = (System.nanoTime() - t0) / 1e6;
    System.out.printf("kernel, 1 thread:       %d primes in %8.1f ms%n", serial, serialMs);
    System.out.printf("processes(2), 16 tasks: %d primes in %8.1f ms%n", parallel, processMs);
    System.out.println("processes result equals serial: " + (parallel == serial));
    """),
    code("""
    workers.close();   // stops the worker JVMs; a pool in try-with-resources does this by itself
    System.out.println(workers.state());
    """),
    md("""
    ## Exercises

    1. Time `Pools.processes(4)` from creation to the first result. How much of it is JVM start-up? (Time
       an empty `apply(() -> 0)` first.)
    2. Make the shipped data smaller: send each task only the slice of `payload` it needs. How does the
       processes time change?
    3. When would you choose processes over threads in Java, which has no GIL? (Hints: a crash in native
       code, memory limits per JVM, running on other machines — notebook 09.)
    """),
])
