from nbgen import md, code, header, write

write("07-load-balancing", [
    md("""
    # 07 · Load balancing and chunk size

    A pool hands work to its workers in *chunks* (`chunksize` items at a time). Two ways to split:

    * **Static**: divide the items into one chunk per worker up front. Little overhead — but if some items
      cost more than others, some workers finish early and wait for the slowest one.
    * **Dynamic**: make many small chunks and give the next chunk to whichever worker is free. Good balance,
      but every chunk costs a bit of scheduling (and, for worker processes, a message each way).

    The kernel's pool records where and when every chunk ran (`pool.lastTimeline()`, a list of
    `TaskRecord`s), so we can draw what happened: one row per worker, one bar per chunk.
    """),
    header("""
    int WORKERS = 4;
    int ITEMS = SMALL ? 32 : 64;            // tasks of growing cost, for the timelines
    int TINY_ITEMS = SMALL ? 20_000 : 200_000;   // very cheap tasks, for the chunk-size sweep
    """),
    md("""
    ## Tasks of unequal cost

    Item `i` takes `5 + 45·i/ITEMS` milliseconds: the later items are up to ten times heavier than the
    first ones, as in many real workloads (bigger files, longer simulations). The tasks *wait* for their
    cost instead of computing, so that the pictures show the scheduling and not the other programs
    competing for this machine's cores; notebook 03 shows that computing tasks behave the same on threads.
    """),
    code("""
    import org.knowm.xchart.*;
    import org.knowm.xchart.style.markers.SeriesMarkers;

    int costMillis(int item) { return 5 + 45 * item / ITEMS; }
    SerializableFunction<Integer, Integer> task = item -> {
        try { Thread.sleep(costMillis(item)); } catch (InterruptedException e) { throw new RuntimeException(e); }
        return item;
    };
    List<Integer> items = IntStream.range(0, ITEMS).boxed().toList();

    // One row per worker, one bar per chunk; a worker's successive chunks alternate colours so their borders show.
    XYChart timeline(String title, List<TaskRecord> records) {
        long t0 = records.stream().mapToLong(TaskRecord::startMillis).min().orElse(0);
        List<String> workers = records.stream().map(TaskRecord::worker).distinct().sorted().toList();
        XYChart chart = new XYChartBuilder().width(720).height(120 + 36 * workers.size()).title(title)
            .xAxisTitle("milliseconds since the first chunk started").yAxisTitle("worker").build();
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setYAxisDecimalPattern("0");
        styler.setYAxisMin(-0.7);
        styler.setYAxisMax(workers.size() - 0.3);
        var colours = new java.awt.Color[] {new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e)};
        var barStroke = new java.awt.BasicStroke(20f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER);
        int[] chunksSoFar = new int[workers.size()];
        List<TaskRecord> inStartOrder = records.stream().sorted(Comparator.comparingLong(TaskRecord::startMillis)).toList();
        for (int k = 0; k < inStartOrder.size(); k++) {
            TaskRecord r = inStartOrder.get(k);
            int row = workers.indexOf(r.worker());
            // A chunk of zero milliseconds still gets a visible sliver.
            double end = Math.max(r.endMillis() - t0, r.startMillis() - t0 + 0.5);
            var bar = chart.addSeries("chunk " + k, new double[] {r.startMillis() - t0, end}, new double[] {row, row});
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineStyle(barStroke);
            bar.setLineColor(colours[chunksSoFar[row]++ % 2]);
        }
        return chart;
    }
    long spanMillis(List<TaskRecord> records) {
        return records.stream().mapToLong(TaskRecord::endMillis).max().orElse(0)
            - records.stream().mapToLong(TaskRecord::startMillis).min().orElse(0);
    }
    """),
    md("""
    ## Static split: one chunk per worker

    With `chunksize = ITEMS / WORKERS` each worker gets one block of neighbouring items. The worker with
    the last block has the heaviest items.
    """),
    code("""
    List<TaskRecord> staticRun, dynamicRun;
    List<Integer> staticResult, dynamicResult;
    try (Pool pool = Pools.threads(WORKERS)) {
        staticResult = pool.map(task, items, ITEMS / WORKERS);
        staticRun = pool.lastTimeline();
        dynamicResult = pool.map(task, items, 1);
        dynamicRun = pool.lastTimeline();
    }
    display(timeline("static: chunksize " + ITEMS / WORKERS + ", " + staticRun.size() + " chunks, " + spanMillis(staticRun) + " ms", staticRun));
    """),
    md("""
    ## Dynamic: one item per chunk

    With `chunksize = 1` a worker that finishes asks for the next item, so all workers stay busy until
    the end.
    """),
    code("""
    display(timeline("dynamic: chunksize 1, " + dynamicRun.size() + " chunks, " + spanMillis(dynamicRun) + " ms", dynamicRun));
    System.out.println("same results in the same order: " + staticResult.equals(dynamicResult));
    long busy = items.stream().mapToLong(i -> costMillis(i)).sum();
    System.out.print(String.format("total work %d ms over %d workers: no split can finish before %d ms%n", busy, WORKERS, busy / WORKERS));
    """),
    md("""
    ## The price of small chunks

    When each item costs almost nothing, the scheduling per chunk dominates. Here `TINY_ITEMS` items of
    200 square roots each are mapped with chunk sizes from 1 up to the static split. "Big chunks are
    generally better than little chunks" — as long as they stay small enough to balance.
    """),
    code("""
    SerializableFunction<Integer, Double> tiny = item -> {
        double s = 0;
        for (int k = 1; k <= 200; k++) s += Math.sqrt(item + k);
        return s;
    };
    List<Integer> tinyItems = IntStream.range(0, TINY_ITEMS).boxed().toList();
    List<Integer> chunkSizes = new ArrayList<>(List.of(1, 4, 16, 64, 256, 1024, 4096));
    chunkSizes.removeIf(c -> c >= TINY_ITEMS / WORKERS);
    chunkSizes.add(TINY_ITEMS / WORKERS);
    List<Double> sweepMillis = new ArrayList<>();
    try (Pool pool = Pools.threads(WORKERS)) {
        pool.map(tiny, tinyItems, 64);   // warm-up
        for (int chunk : chunkSizes) {
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long t = System.nanoTime();
                pool.map(tiny, tinyItems, chunk);
                best = Math.min(best, System.nanoTime() - t);
            }
            sweepMillis.add(best / 1e6);
            System.out.printf("chunksize %6d: %5d chunks, %8.1f ms%n", chunk, (TINY_ITEMS + chunk - 1) / chunk, best / 1e6);
        }
    }
    XYChart sweep = new XYChartBuilder().width(720).height(360).title("map of " + TINY_ITEMS + " tiny items on " + WORKERS + " threads")
        .xAxisTitle("chunksize").yAxisTitle("ms (best of 3)").build();
    sweep.getStyler().setXAxisLogarithmic(true);
    sweep.getStyler().setLegendVisible(false);
    sweep.addSeries("time", chunkSizes.stream().map(Integer::doubleValue).toList(), sweepMillis);
    display(sweep);
    """),
    md("""
    On worker processes (notebook 04) chunks go to another JVM and back, serialized. Once a call's chunks
    prove fast, the pool packs many of them into one message, but each chunk is still serialized and
    tracked, so small chunks cost more there than on threads.

    ## Exercises

    1. Reverse the costs (heaviest items first). Does the static split get better or worse? Why does a
       dynamic scheduler like to start with the heavy items?
    2. Repeat the chunk-size sweep with `Pools.processes(2)`. Where is the best chunk size now?
    3. Find the smallest chunk size that keeps the unequal tasks balanced (within 10 % of the best
       possible time printed above).
    """),
])
