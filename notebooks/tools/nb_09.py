from nbgen import md, code, header, write

write("09-spark-local", [
    md("""
    # 09 · Spark in local mode: partitions as chunks

    Apache Spark runs work on a *cluster*: a driver splits data into **partitions** and sends one
    **task** per partition to the executors. A partition is what notebook 07 called a chunk — and the same
    trade-off holds: few big partitions have little overhead but balance badly, many small ones balance
    well but each task costs scheduling and (on a real cluster) network traffic.

    `local[n]` runs the driver and `n` executor threads inside the kernel's JVM: the cluster's programming
    model on one machine, the way to develop before using a real cluster (notebook 11).
    """),
    header("""
    int CORES = Runtime.getRuntime().availableProcessors();
    int ITEMS = SMALL ? 20_000 : 400_000;
    long ROWS = SMALL ? 2_000_000L : 200_000_000L;
    """),
    code("""
    %backend spark local[2]
    """),
    md("""
    ## Spark's own parallelism: a DataFrame

    A DataFrame query is planned by Spark and split into partitions by Spark itself: implicit
    parallelism. `spark.range(ROWS)` makes a table of numbers; we sum their square roots.
    """),
    code("""
    import org.apache.spark.sql.*;
    SparkSession spark = org.javaparallel.spark.SparkSessions.shared().session();
    System.out.println("master " + spark.sparkContext().master() + ", default parallelism " + spark.sparkContext().defaultParallelism());
    spark.range(0, 1000, 1, 2).selectExpr("sum(sqrt(id))").first();   // warm-up: the first query pays for code generation
    for (int partitions : new int[] {1, 2, 8}) {
        long t0 = System.nanoTime();
        double total = spark.range(0, ROWS, 1, partitions).selectExpr("sum(sqrt(id)) as s").first().getDouble(0);
        System.out.printf("%d partition(s): sum of sqrt = %.6e in %.0f ms%n", partitions, total, (System.nanoTime() - t0) / 1e6);
    }
    """),
    md("""
    ## The pool API on Spark: one chunk, one task

    On the Spark backend, `Pools.current().map(fn, items, chunksize)` sends each chunk of items as one
    Spark task; `lastTimeline()` has one record per task.
    """),
    code("""
    SerializableFunction<Integer, Double> work = item -> {
        double s = 0;
        for (int k = 1; k <= 2_000; k++) s += Math.sqrt(item + k);
        return s;
    };
    List<Integer> items = IntStream.range(0, ITEMS).boxed().toList();
    Pool pool = Pools.current();
    pool.map(work, items, ITEMS / 4);   // warm-up
    List<Integer> chunkSizes = List.of(ITEMS / 2, ITEMS / 8, ITEMS / 64, ITEMS / 512);
    for (int chunk : chunkSizes) {
        long t0 = System.nanoTime();
        List<Double> results = pool.map(work, items, chunk);
        double ms = (System.nanoTime() - t0) / 1e6;
        List<TaskRecord> tasks = pool.lastTimeline();
        System.out.printf("chunksize %6d: %4d Spark tasks, %8.1f ms, %d results%n", chunk, tasks.size(), ms, results.size());
    }
    """),
    md("""
    With 2 executor threads, two big chunks leave no room for balancing, and hundreds of tiny chunks pay
    Spark's per-task cost (a task is serialised, scheduled and its result collected even in local mode).

    ## Back to threads
    """),
    code("""
    %backend threads
    """),
    md("""
    ## Exercises

    1. Run the DataFrame sum with 1, 2, 4, 16 and 200 partitions and plot time against partitions.
    2. Look at the Spark UI (the link in the job messages) while a long `map` runs: how many tasks run at
       the same time?
    3. Switch to `%backend spark local[1]` and repeat the chunk-size loop. What changes?
    """),
])
