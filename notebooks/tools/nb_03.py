from nbgen import md, code, header, write

write("03-threads", [
    md("""
    # 03 · Threads

    A *thread* is a line of execution inside a process; all threads of a process share its memory. In
    Python, `threading.Thread` gives concurrency but, because of the GIL, no parallel speed-up for
    Python code. **Java has no GIL**: Java threads run on all cores at once, so they speed up CPU work
    too. This notebook shows start/join, a data race and its fixes, threads for I/O waits (platform and
    virtual threads), and a CPU speed-up.
    """),
    header("""
    int INCREMENTS = SMALL ? 1_000_000 : 10_000_000;   // per thread, in the race
    int WAITING_TASKS = SMALL ? 100 : 1_000;        // tasks that each wait 100 ms
    int PRIME_LIMIT = SMALL ? 1_000_000 : 10_000_000;  // count primes below this
    """),
    md("""
    ## start and join: `print_square` and `print_cube`

    The slides' first example, in Java. `start()` launches the thread; `join()` waits for it to finish.
    The two threads run at the same time, so the order of their two lines can change from run to run;
    "Done!" always comes last because of the joins.
    """),
    code("""
    void printCube(int num) { System.out.println("Cube: " + num * num * num); }
    void printSquare(int num) { System.out.println("Square: " + num * num); }

    Thread t1 = new Thread(() -> printSquare(10));
    Thread t2 = new Thread(() -> printCube(10));
    t1.start();
    t2.start();
    t1.join();   // wait until thread 1 is completely executed
    t2.join();   // wait until thread 2 is completely executed
    System.out.println("Done!");
    """),
    md("""
    ## A data race

    Two threads each add 1 to a shared counter `INCREMENTS` times. `count++` is three steps (read, add,
    write); when both threads read the same old value, one of the updates is lost. Without a GIL this
    happens readily in Java. We run the race a few times and count what was lost.
    """),
    code("""
    // volatile: every increment really reads and writes memory. Without it the race is still there, but the
    // JIT may keep the value in a register for a whole loop and the losses come in rarer, bigger lumps.
    class UnsafeCounter { volatile int value; void increment() { value++; } }
    class AtomicCounter { final java.util.concurrent.atomic.AtomicInteger value = new java.util.concurrent.atomic.AtomicInteger(); void increment() { value.incrementAndGet(); } }
    class SynchronizedCounter { int value; synchronized void increment() { value++; } }

    // Runs increment on two threads, INCREMENTS times each; a latch starts both loops at the same moment.
    void onTwoThreads(Runnable increment) throws InterruptedException {
        var startGate = new CountDownLatch(1);
        Runnable work = () -> {
            try { startGate.await(); } catch (InterruptedException e) { return; }
            for (int i = 0; i < INCREMENTS; i++) increment.run();
        };
        Thread a = new Thread(work), b = new Thread(work);
        a.start(); b.start(); startGate.countDown(); a.join(); b.join();
    }
    int expected = 2 * INCREMENTS;
    for (int trial = 1; trial <= 5; trial++) {
        var counter = new UnsafeCounter();
        onTwoThreads(counter::increment);
        System.out.printf("trial %d: expected %d, got %d, lost %d updates%n", trial, expected, counter.value, expected - counter.value);
    }
    """),
    md("""
    ## Two fixes: an atomic integer, or a lock

    `AtomicInteger.incrementAndGet()` does read-add-write as one indivisible hardware instruction.
    `synchronized` lets only one thread at a time into the method. Both give the right count; compare
    what they cost.
    """),
    code("""
    var atomic = new AtomicCounter();
    long t0 = System.nanoTime();
    onTwoThreads(atomic::increment);
    long atomicMs = (System.nanoTime() - t0) / 1_000_000;
    var locked = new SynchronizedCounter();
    t0 = System.nanoTime();
    onTwoThreads(locked::increment);
    long lockedMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("AtomicInteger: %d (correct: %b) in %d ms%n", atomic.value.get(), atomic.value.get() == expected, atomicMs);
    System.out.print(String.format("synchronized:  %d (correct: %b) in %d ms%n", locked.value, locked.value == expected, lockedMs));
    """),
    md("""
    The best fix is to share nothing: let each thread count in a local variable and add the two totals at
    the end (exercise 1).

    ## Threads for I/O: overlapping the waits

    `WAITING_TASKS` tasks each wait 100 ms (think: a web request). A pool with one thread per core runs
    only that many waits at a time. One *platform* thread per task overlaps all the waits, but each
    platform thread is an operating-system thread with its own stack. *Virtual* threads (Java 21 and
    newer) are cheap threads managed by the JVM: thousands of them wait on a handful of OS threads.
    """),
    code("""
    int CORES = Runtime.getRuntime().availableProcessors();
    long waitAll(ExecutorService pool) throws Exception {
        long start = System.nanoTime();
        try {
            List<Callable<Object>> tasks = Collections.nCopies(WAITING_TASKS, () -> { Thread.sleep(100); return null; });
            pool.invokeAll(tasks);
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
    System.out.printf("%d waits of 100 ms, pool of %d platform threads:      %6d ms%n", WAITING_TASKS, CORES, waitAll(Executors.newFixedThreadPool(CORES)));
    System.out.printf("%d waits of 100 ms, one platform thread per task:  %6d ms%n", WAITING_TASKS, waitAll(Executors.newCachedThreadPool()));
    int feature = Runtime.version().feature();
    if (feature >= 21) {
        // Called by reflection so that this notebook also compiles on Java 17.
        var virtualPool = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        System.out.printf("%d waits of 100 ms, one virtual thread per task:   %6d ms%n", WAITING_TASKS, waitAll(virtualPool));
    } else {
        System.out.println("This kernel runs Java " + feature + ": virtual threads need Java 21 or newer "
            + "(install the kernel with a JDK 21 to try them).");
    }
    """),
    md("""
    ## No GIL: threads speed up CPU work

    Counting primes below `PRIME_LIMIT` by trial division is pure computation. We count on one thread,
    then split the odd numbers between two threads: one takes 1, 5, 9, ... (4k+1), the other 3, 7, 11, ...
    (4k+3), so both get a similar mix of small and large numbers; 2, the one even prime, is added by hand.
    In Python the two-thread version would be no faster; here compare the times — and check that both give
    the same count.
    """),
    code("""
    boolean isPrime(int n) {
        if (n < 2) return false;
        for (int d = 2; (long) d * d <= n; d++) if (n % d == 0) return false;
        return true;
    }
    long countPrimes(int first, int step) { long c = 0; for (int n = first; n < PRIME_LIMIT; n += step) if (isPrime(n)) c++; return c; }
    countPrimes(0, 1);   // warm-up: let the JIT compile first

    long serial = 0, serialMs = Long.MAX_VALUE, threadedMs = Long.MAX_VALUE;
    long[] parts = new long[2];
    for (int run = 0; run < 3; run++) {   // best of 3 runs: the least disturbed by other programs
        t0 = System.nanoTime();
        serial = countPrimes(0, 1);
        serialMs = Math.min(serialMs, (System.nanoTime() - t0) / 1_000_000);

        t0 = System.nanoTime();
        Thread ones = new Thread(() -> parts[0] = countPrimes(1, 4));
        Thread threes = new Thread(() -> parts[1] = countPrimes(3, 4));
        ones.start(); threes.start(); ones.join(); threes.join();
        threadedMs = Math.min(threadedMs, (System.nanoTime() - t0) / 1_000_000);
    }

    System.out.printf("1 thread:  %d primes in %d ms%n", serial, serialMs);
    System.out.printf("2 threads: %d primes in %d ms  (speed-up %.2f on %d cores)%n", 1 + parts[0] + parts[1], threadedMs, (double) serialMs / threadedMs, CORES);
    System.out.println("threads result equals serial: " + (1 + parts[0] + parts[1] == serial));
    """),
    md("""
    Try the split into evens and odds (`countPrimes(0, 2)` and `countPrimes(1, 2)`) instead: it is not a fair
    split, because every even number but 2 is rejected at once and the even thread finishes early. Notebook 07
    is about such load balancing.

    ## Exercises

    1. Fix the race without sharing: each thread counts into its own local `int`, and the main thread adds
       the two totals after `join()`. Time it against `AtomicInteger`.
    2. Split the prime range into 2, 4 and 8 interleaved parts (`first = 0..k-1`, `step = k`). How does the
       time change with more threads than cores?
    3. Give the prime count a fair split: hand out blocks of 1000 numbers from a shared `AtomicInteger`
       to each thread as it becomes free.
    """),
])
