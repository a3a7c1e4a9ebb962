from nbgen import md, code, header, write

write("06-futures-and-executors", [
    md("""
    # 06 · Futures and executors

    Python's `concurrent.futures` has an *executor* (a pool of workers) that you `submit` work to,
    getting back a *future*: a placeholder for a result that is not there yet. Java has the same
    design, in `java.util.concurrent`:

    | Python | Java |
    |---|---|
    | `ThreadPoolExecutor(max_workers=4)` | `Executors.newFixedThreadPool(4)` |
    | `executor.submit(f, x)` → `Future` | `executor.submit(() -> f(x))` → `Future<T>` |
    | `future.result()` | `future.get()` |
    | `executor.map(f, xs)` | `executor.invokeAll(tasks)`, or a stream of futures |
    | `as_completed(futures)` | `ExecutorCompletionService.take()` |
    | `with ThreadPoolExecutor() as ex:` | `try (ExecutorService ex = ...)` (Java 19+), or shut down in `finally` |
    | chaining with `add_done_callback` | `CompletableFuture`: `thenApply`, `thenCombine`, `allOf` |
    """),
    header("""
    int CORES = Runtime.getRuntime().availableProcessors();
    int DOWNLOADS = SMALL ? 8 : 32;   // fake downloads of 100-400 ms each
    """),
    code("""
    // A stand-in for a slow call (a download): waits, then returns a result.
    String download(int page) {
        try { Thread.sleep(100 + 100 * (page % 4)); } catch (InterruptedException e) { throw new RuntimeException(e); }
        return "page " + page + " (" + (1000 + 37 * page) + " bytes)";
    }
    long millisSince(long start) { return (System.nanoTime() - start) / 1_000_000; }
    """),
    md("""
    ## submit and get

    `submit` returns at once; `get()` blocks until the result is there. Four downloads on a pool of four
    threads overlap, so the whole batch takes about as long as the slowest one — compare with the
    sequential loop.
    """),
    code("""
    long start = System.nanoTime();
    for (int page = 0; page < 4; page++) download(page);
    System.out.println("sequential: " + millisSince(start) + " ms");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
        start = System.nanoTime();
        List<Future<String>> futures = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            int p = page;
            futures.add(pool.submit(() -> download(p)));
        }
        System.out.println("all submitted after " + millisSince(start) + " ms");
        for (Future<String> f : futures) System.out.println("  " + f.get());
        System.out.println("all results after " + millisSince(start) + " ms");
    } finally {
        pool.shutdown();   // like leaving a `with` block: no new work, threads end when idle
    }
    """),
    md("""
    ## try-with-resources

    Python's `with` shuts the executor down on exit. Java's counterpart is try-with-resources, which
    needs an `AutoCloseable`. `ExecutorService` became `AutoCloseable` only in Java 19 (its `close()`
    waits for running tasks). The cell checks what this JDK offers; a small wrapper gives the same
    behaviour on any version.
    """),
    code("""
    System.out.println("Java " + Runtime.version().feature() + ": ExecutorService is AutoCloseable: "
        + AutoCloseable.class.isAssignableFrom(ExecutorService.class));

    // Closing = shut down, then wait for the tasks already submitted: what `with` does in Python.
    record Closing(ExecutorService executor) implements AutoCloseable {
        public void close() throws InterruptedException {
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.HOURS);
        }
    }
    try (var pool4 = new Closing(Executors.newFixedThreadPool(4))) {
        pool4.executor().submit(() -> System.out.println("ran on " + Thread.currentThread().getName()));
    }
    System.out.println("after the try block the pool is shut down and its task has finished");
    """),
    md("""
    ## map and as_completed

    `invokeAll` is the executor's `map`: it returns the futures in the order of the tasks. An
    `ExecutorCompletionService` hands results out in the order they *finish*, like `as_completed`.
    """),
    code("""
    try (var workers = new Closing(Executors.newFixedThreadPool(CORES * 4))) {
        start = System.nanoTime();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int page = 0; page < DOWNLOADS; page++) { int p = page; tasks.add(() -> download(p)); }
        List<Future<String>> inOrder = workers.executor().invokeAll(tasks);
        System.out.println("map: " + DOWNLOADS + " downloads in " + millisSince(start) + " ms on " + CORES * 4
            + " threads, first results: " + inOrder.get(0).get() + ", " + inOrder.get(1).get());

        var completion = new ExecutorCompletionService<String>(workers.executor());
        for (int page = 0; page < 6; page++) { int p = page; completion.submit(() -> download(p)); }
        System.out.print("as completed:");
        for (int i = 0; i < 6; i++) System.out.print("  " + completion.take().get().split(" \\\\(")[0]);
        System.out.println();
    }
    """),
    md("""
    ## Exceptions travel inside the future

    If a task throws, `get()` throws an `ExecutionException` whose cause is the task's exception — the
    same as `future.result()` re-raising in Python.
    """),
    code("""
    try (var one = new Closing(Executors.newSingleThreadExecutor())) {
        Future<Integer> bad = one.executor().submit(() -> Integer.parseInt("forty-two"));
        try {
            bad.get();
        } catch (ExecutionException e) {
            System.out.println("the task failed with: " + e.getCause());
        }
    }
    """),
    md("""
    ## CompletableFuture: results that flow into the next step

    A `CompletableFuture` can say what to do with its result when it arrives, without blocking a thread
    to wait for it: `thenApply` transforms, `thenCombine` joins two futures, `allOf` waits for many,
    `exceptionally` supplies a fallback.
    """),
    code("""
    try (var workers = new Closing(Executors.newFixedThreadPool(4))) {
        ExecutorService ex = workers.executor();
        start = System.nanoTime();
        CompletableFuture<Integer> sizeA = CompletableFuture.supplyAsync(() -> download(1), ex).thenApply(String::length);
        CompletableFuture<Integer> sizeB = CompletableFuture.supplyAsync(() -> download(2), ex).thenApply(String::length);
        CompletableFuture<String> both = sizeA.thenCombine(sizeB, (a, b) -> "lengths " + a + " + " + b + " = " + (a + b));
        CompletableFuture<String> failing = CompletableFuture.supplyAsync(() -> download(Integer.parseInt("x")), ex)
            .exceptionally(error -> "fallback after " + error.getCause().getClass().getSimpleName());
        CompletableFuture.allOf(both, failing).join();
        System.out.println(both.join() + "  |  " + failing.join() + "  |  after " + millisSince(start) + " ms");
    }
    """),
    md("""
    The same futures work for processes: the kernel's pool API has `mapAsync`, `applyAsync` and
    `starmapAsync` on every backend (notebook 05).

    ## Exercises

    1. Time `DOWNLOADS` downloads on pools of 1, 4, 16 and 64 threads. Where does adding threads stop
       helping, and why is that number not the number of cores?
    2. Use `future.get(150, TimeUnit.MILLISECONDS)` to give up on slow downloads, and `cancel(true)` them.
    3. Build a pipeline with `CompletableFuture`: download 10 pages, count the characters of each
       (`thenApply`), and print the total when all are done — without calling `get()` inside the chain.
    """),
])
