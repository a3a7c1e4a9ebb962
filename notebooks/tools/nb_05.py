from nbgen import md, code, header, write

write("05-pool-api-on-every-backend", [
    md("""
    # 05 · The pool API on every backend

    Python's `multiprocessing.Pool(n)` offers `apply`, `apply_async`, `map`, `map_async`, `imap`,
    `imap_unordered`, `starmap` and `starmap_async`. The kernel's `Pool` has the same operations, and
    the same code runs on every *backend*:

    | backend | workers | created with |
    |---|---|---|
    | threads | threads of the kernel JVM | `Pools.threads(n)` or `%backend threads n` |
    | processes | worker JVMs on this machine | `Pools.processes(n)` or `%backend processes n` |
    | Spark | executors of a Spark cluster (notebooks 09, 11) | `%backend spark local[n]` or `spark://…` |

    `Pools.current()` is the pool that `%backend` chose; `Pools.threads(n)` and friends create pools of
    your own, to close with try-with-resources (like `with Pool(4) as p:`).
    """),
    header("""
    int N_ITEMS = SMALL ? 8 : 32;
    """),
    md("""
    ## Every operation, on one backend

    `tour(pool)` calls each operation once and prints what came back. `cube` is the slides' function.
    `starmap` takes pairs of arguments (`Pair.of(a, b)`), like Python's tuples.
    """),
    code("""
    long cube(long x) { return x * x * x; }
    List<Long> xs = LongStream.rangeClosed(1, N_ITEMS).boxed().toList();
    List<Pair<Long, Long>> pairs = xs.stream().map(x -> Pair.of(x, 10L)).toList();

    // Every Pool operation once; returns the lines it printed, to compare backends.
    List<String> tour(Pool pool) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("apply           " + pool.apply(() -> cube(3)));
        lines.add("applyAsync      " + pool.applyAsync(() -> cube(4)).get());
        lines.add("map             " + pool.map(x -> cube(x), xs));
        lines.add("mapAsync        " + pool.mapAsync(x -> cube(x), xs).get());
        List<Long> inOrder = new ArrayList<>();
        pool.imap(x -> cube(x), xs).forEachRemaining(inOrder::add);
        lines.add("imap            " + inOrder);
        List<Long> asDone = new ArrayList<>();
        pool.imapUnordered(x -> cube(x), xs).forEachRemaining(asDone::add);
        Collections.sort(asDone);   // arrives in completion order; sorted so that runs can be compared
        lines.add("imapUnordered   " + asDone + " (sorted)");
        lines.add("starmap         " + pool.starmap((Long a, Long b) -> a * b, pairs));
        lines.add("starmapAsync    " + pool.starmapAsync((Long a, Long b) -> a + b, pairs).get());
        return lines;
    }
    List<String> onThreads;
    try (Pool pool = Pools.threads(2)) {
        onThreads = tour(pool);
        System.out.println(pool.describe());
        onThreads.forEach(System.out::println);
    }
    """),
    md("""
    ## The same calls on worker processes

    The functions and the lists travel to the worker JVMs (notebook 04); the results must be the same.
    """),
    code("""
    try (Pool pool = Pools.processes(2)) {
        List<String> onProcesses = tour(pool);
        System.out.println(pool.describe());
        onProcesses.forEach(System.out::println);
        System.out.println("same results as on threads: " + onProcesses.equals(onThreads));
    }
    """),
    md("""
    ## Choosing the backend with `%backend`

    Code written against `Pools.current()` runs on whatever backend the notebook chose; the magic
    switches it for the following cells (`%%backend …` for one cell only). Here: Spark in the kernel JVM
    with two executor threads.
    """),
    code("""
    %backend spark local[2]
    """),
    code("""
    List<String> onSpark = tour(Pools.current());
    System.out.println(Backends.describe());
    onSpark.forEach(System.out::println);
    System.out.println("same results as on threads: " + onSpark.equals(onThreads));
    """),
    md("""
    ## Errors come back to the caller

    If a task throws, the call fails in the kernel with the task's exception — on any backend.
    """),
    code("""
    %backend processes 2
    """),
    code("""
    try {
        Pools.current().map(x -> 100 / (x - 3), List.of(1, 2, 3, 4));
    } catch (Exception e) {
        System.out.println("the map failed: " + e);
    }
    """),
    code("""
    %backend threads
    """),
    md("""
    ## Exercises

    1. Time `map(x -> cube(x), xs)` on threads, processes and Spark for 10, 1 000 and 100 000 items.
       Which backend has the largest fixed cost per call?
    2. Use `imap` to print results while a slow map (each item sleeps 200 ms) is still running.
    3. Write a `starmap` that raises `x` to the power `y` for the pairs (2, 10), (3, 5), (10, 3).
    """),
])
