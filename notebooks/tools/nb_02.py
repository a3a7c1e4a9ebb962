from nbgen import md, code, header, write

write("02-concurrency-vs-parallelism", [
    md("""
    # 02 · Concurrency vs parallelism

    * **Sequential**: one task after the other.
    * **Concurrent**: several tasks are *in progress* at the same time; they may take turns on one core.
    * **Parallel**: several tasks *run* at the same instant, on different cores.

    Concurrency is about structure (dealing with many things at once); parallelism is about execution
    (doing many things at once). Waiting tasks only need concurrency; computing tasks need parallelism,
    and that is limited by the number of cores. The tasks below are *embarrassingly parallel*: they share
    nothing, so they can run in any order.
    """),
    header("""
    int CORES = Runtime.getRuntime().availableProcessors();
    int TASKS = 8;
    long WORK = SMALL ? 10_000_000 : 60_000_000;   // loop steps per CPU task
    int ARRAY = SMALL ? 2_000_000 : 20_000_000;
    """),
    code("""
    // run(tasks, threads, task): runs tasks on a pool of threads; returns each task's [start, end] in ms
    // since the first start, so the timeline can be drawn.
    long[][] run(int tasks, int threads, IntConsumer task) throws Exception {
        long[][] spans = new long[tasks][2];
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < tasks; i++) {
            int id = i;
            pool.submit(() -> {
                spans[id][0] = (System.nanoTime() - t0) / 1_000_000;
                task.accept(id);
                spans[id][1] = (System.nanoTime() - t0) / 1_000_000;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return spans;
    }
    // One text row per task: '#' while it ran, scaled to 60 columns.
    void timeline(String title, long[][] spans) {
        long end = Arrays.stream(spans).mapToLong(s -> s[1]).max().orElse(1);
        System.out.printf("%s: %d ms in total%n", title, end);
        for (int i = 0; i < spans.length; i++) {
            int from = (int) (60 * spans[i][0] / end), to = Math.max(from + 1, (int) (60 * spans[i][1] / end));
            System.out.printf("  task %d |%s%s%s|%n", i, " ".repeat(from), "#".repeat(to - from), " ".repeat(60 - to));
        }
    }
    void waitTask(int id) { try { Thread.sleep(200); } catch (InterruptedException e) { throw new RuntimeException(e); } }
    double cpuSink = 0;
    void cpuTask(int id) { double s = 0; for (long i = 0; i < WORK; i++) s += Math.sqrt(i + id); cpuSink += s; }
    long[][] warmUp = run(CORES, CORES, id -> cpuTask(id));   // warm-up, so the JIT has compiled cpuTask before we measure
    """),
    md("""
    ## Waiting tasks: concurrency is enough

    Eight tasks that each wait 200 ms. On one thread they queue up; on eight threads they all wait at
    the same time — even with fewer cores than threads, since a waiting thread needs no core.
    """),
    code("""
    timeline("8 waits on 1 thread", run(TASKS, 1, id -> waitTask(id)));
    timeline("8 waits on 8 threads (" + CORES + " cores)", run(TASKS, TASKS, id -> waitTask(id)));
    """),
    md("""
    ## Computing tasks: parallelism is limited by the cores

    The same eight tasks, now computing. More threads than cores cannot make them finish sooner: the
    extra threads take turns on the same cores (concurrent, not parallel), and each task takes longer.
    """),
    code("""
    timeline("8 CPU tasks on 1 thread", run(TASKS, 1, id -> cpuTask(id)));
    timeline("8 CPU tasks on " + CORES + " threads", run(TASKS, CORES, id -> cpuTask(id)));
    timeline("8 CPU tasks on 8 threads", run(TASKS, TASKS, id -> cpuTask(id)));
    """),
    md("""
    ## Shared memory

    Threads of one JVM share one heap: every thread below writes its part straight into the same array,
    and the main thread reads the result without copying anything. This is *shared-memory* parallelism
    (one machine). Processes (notebook 04) and cluster nodes (notebooks 09–11) have *distributed
    memory*: data must be sent to them and results sent back.
    """),
    code("""
    double[] squares = new double[ARRAY];
    run(CORES, CORES, part -> {
        for (int i = part; i < squares.length; i += CORES) squares[i] = (double) i * i;
    });
    System.out.println("squares[12345] = " + squares[12345] + ", last = " + squares[ARRAY - 1]);
    """),
    md("""
    ## Implicit vs explicit parallelism

    Above we created the threads ourselves: *explicit* parallelism. A parallel stream or
    `Arrays.parallelSort` splits the work over the cores for us: *implicit* parallelism — the library is
    multi-threaded inside, as NumPy's BLAS is in Python. Same result, fewer lines; compare the times. Splitting and
    merging cost something too, so on few cores or small arrays the parallel version can lose.
    """),
    code("""
    long best(Runnable work) { long b = Long.MAX_VALUE; for (int r = 0; r < 3; r++) { long t = System.nanoTime(); work.run(); b = Math.min(b, System.nanoTime() - t); } return b / 1_000_000; }
    double[] numbers = new Random(42).doubles(ARRAY).toArray();
    double[] sumSeq = new double[1], sumPar = new double[1];
    System.out.printf("stream sum of sin:          sequential %4d ms, parallel %4d ms, same result: %b%n",
        best(() -> sumSeq[0] = Arrays.stream(numbers).map(Math::sin).sum()),
        best(() -> sumPar[0] = Arrays.stream(numbers).parallel().map(Math::sin).sum()),
        Math.abs(sumSeq[0] - sumPar[0]) < 1e-6 * Math.abs(sumSeq[0]));
    System.out.print(String.format("sort:                       Arrays.sort %4d ms, Arrays.parallelSort %4d ms%n",
        best(() -> Arrays.sort(numbers.clone())), best(() -> Arrays.parallelSort(numbers.clone()))));
    """),
    md("""
    Note that the parallel sum is compared with a tolerance: adding floating-point numbers in a different
    order can change the last digits.

    ## Exercises

    1. Mix the two kinds: four tasks that wait 200 ms and then compute. How many threads give the
       shortest total time? Explain with the timelines.
    2. Run the CPU tasks on 2, 4, 16 threads. Plot total time against threads (XChart, notebook 00).
    3. Why did the `squares` example give each thread every `CORES`-th element instead of one contiguous
       block? Try contiguous blocks and time both (hint: notebook 01, cache lines).
    """),
])
