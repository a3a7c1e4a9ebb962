from nbgen import md, code, header, write

write("11-spark-cluster-on-slurm", [
    md("""
    # 11 · A Spark cluster inside a SLURM job

    On an HPC system nobody runs a cluster service permanently: you get nodes from the batch scheduler
    for a while. The slides show the pattern with Ray on SLURM — one batch job whose script

    1. starts the *head* on the job's first node,
    2. starts one *worker* per node with `srun` (so SLURM tracks and stops them),
    3. and lets the program connect with `ray.init(address="auto")`.

    The same works for a Spark standalone cluster. The job script `spark-cluster.sbatch` (installed with
    the kernel) starts the Spark **master** on the first node and one Spark **worker** per node, sized
    from the allocation, and writes the master's address to `~/.java-parallel/spark-master`.
    `%backend spark slurm` reads that file — Spark's `address="auto"` — and the kernel becomes the
    cluster's *driver*: the code of your cells travels to the executors on the compute nodes.

    This notebook submits such a job, runs cell code and the randomized search of notebook 10 on it,
    and cancels the job at the end. Without SLURM on this machine it says so and skips those cells.
    """),
    header("""
    int CORES = Runtime.getRuntime().availableProcessors();
    // The job's size: one node of this machine here; on a real cluster ask for more nodes and cores.
    int NODES = 1;
    int CPUS_PER_NODE = CORES;
    int N_ITER = SMALL ? 4 : 500;
    int FOLDS = SMALL ? 3 : 10;
    """),
    md("""
    ## Is there a SLURM here?

    `sinfo` lists the partitions and the state of their nodes. A small helper runs a command and returns
    its output; the cells below use it for `sinfo`, `sbatch`, `squeue` and `scancel`.
    """),
    code("""
    record Command(int exitCode, String output) {}
    Command run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return new Command(process.waitFor(), output);
    }

    boolean SLURM;
    try {
        Command sinfo = run("sinfo", "-h", "-o", "%P %a %D nodes %T");
        SLURM = sinfo.exitCode() == 0 && !sinfo.output().isEmpty();
        System.out.println(SLURM ? "SLURM is available. Partitions:\\n" + sinfo.output()
                : "SLURM is not available on this machine (sinfo: " + sinfo.output() + ").");
    } catch (IOException noSinfo) {
        SLURM = false;
        System.out.println("SLURM is not available on this machine (no sinfo command).");
    }
    if (!SLURM) System.out.println("The cluster cells below print what they would do and skip it.");
    """),
    md("""
    ## The job script

    The installer put it in the kernel's Spark home, `$JAVA_PARALLEL_HOME/spark-home/conf/slurm/`.
    Read it: the `#SBATCH` lines are defaults that the `sbatch` options override, the master runs in the
    script itself, each worker in the foreground of an `srun --overlap` task, and a trap removes the master
    file and the job's secret when the job ends — also on `scancel`.
    """),
    code("""
    Path SPARK_HOME = Path.of(System.getenv("JAVA_PARALLEL_HOME"), "spark-home");
    Path SBATCH_SCRIPT = SPARK_HOME.resolve("conf/slurm/spark-cluster.sbatch");
    System.out.println(Files.readString(SBATCH_SCRIPT));
    """),
    md("""
    ## Submitting the cluster job

    From a terminal this is one command; here a cell runs it. `--parsable` makes `sbatch` print just the
    job id. The job log goes next to the master file.
    """),
    code("""
    Path MASTER_FILE = org.javaparallel.spark.ClusterFile.defaultLocation();
    List<String> sbatch = List.of("sbatch", "--parsable", "--nodes=" + NODES, "--ntasks-per-node=1",
            "--cpus-per-task=" + CPUS_PER_NODE, "--mem=8G", "--time=00:30:00",
            "--output=" + MASTER_FILE.resolveSibling("spark-cluster-%j.log"), SBATCH_SCRIPT.toString());
    System.out.println(String.join(" ", sbatch));
    String JOB_ID = null;
    if (SLURM) {
        Files.createDirectories(MASTER_FILE.getParent());
        Command submitted = run(sbatch.toArray(String[]::new));
        if (submitted.exitCode() != 0) throw new IllegalStateException("sbatch failed: " + submitted.output());
        JOB_ID = submitted.output().split(";")[0];
        System.out.println("submitted job " + JOB_ID);
    } else {
        System.out.println("skipped: no SLURM");
    }
    """),
    md("""
    ## Waiting for the master

    The job may wait in the queue first (`PENDING`). Once it runs, its script starts master and workers,
    waits until the workers have registered, and then writes the master file.
    """),
    code("""
    boolean inQueue(String job) throws IOException, InterruptedException {
        Command squeue = run("squeue", "-h", "-j", job, "-o", "%T");
        return squeue.exitCode() == 0 && !squeue.output().isEmpty();
    }
    Path jobLog(String job) { return MASTER_FILE.resolveSibling("spark-cluster-" + job + ".log"); }

    if (SLURM) {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (org.javaparallel.spark.ClusterFile.read(MASTER_FILE).filter(c -> c.jobId().equals(JOB_ID)).isEmpty()) {
            if (!inQueue(JOB_ID)) {
                throw new IllegalStateException("job " + JOB_ID + " ended without starting its cluster; its log "
                        + jobLog(JOB_ID) + " says:\\n" + Files.readString(jobLog(JOB_ID)));
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("job " + JOB_ID + " has no master after 4 minutes (squeue -j " + JOB_ID + ")");
            Thread.sleep(1000);
        }
        System.out.println(run("squeue", "-j", JOB_ID).output());
        System.out.println("\\n" + MASTER_FILE + ":\\n" + Files.readString(MASTER_FILE));
    } else {
        System.out.println("skipped: no SLURM");
    }
    """),
    md("""
    ## Connecting the kernel: `%backend spark slurm`

    In a notebook on a SLURM machine this is simply the magic

        %backend spark slurm

    Here the cell uses the same thing through the API, so that it can be skipped without SLURM. The
    kernel reads the master file, authenticates with the job's secret and waits for an executor.

    On a real cluster the kernel must run where the compute nodes can connect to it (inside an
    allocation or on a node of the cluster network): the executors open connections back to the driver.
    """),
    code("""
    if (SLURM) {
        Backends.use(new BackendSpec.SparkAuto());
        Pools.current().map(i -> i, List.of(1));   // the first job starts the executors
        System.out.println(Backends.describe());
    } else {
        System.out.println("skipped: no SLURM");
    }
    """),
    md("""
    ## Cell code on the cluster

    A method and a record defined in this notebook run in the executor JVMs that the Spark worker of the
    job started; each result says which process computed it.
    """),
    code("""
    record Steps(long start, int steps, long pid) implements Serializable {}
    int collatzSteps(long n) {
        int steps = 0;
        for (; n != 1; steps++) n = n % 2 == 0 ? n / 2 : 3 * n + 1;
        return steps;
    }
    if (SLURM) {
        List<Long> starts = LongStream.rangeClosed(1, 12).boxed().toList();
        List<Steps> onCluster = Pools.current().map(n -> new Steps(n, collatzSteps(n), ProcessHandle.current().pid()), starts);
        onCluster.forEach(s -> System.out.println(s.start() + " reaches 1 after " + s.steps() + " steps (computed in pid " + s.pid() + ")"));
        System.out.println("kernel pid " + ProcessHandle.current().pid() + "; same results as in the kernel: "
                + onCluster.stream().allMatch(s -> s.steps() == collatzSteps(s.start())));
    } else {
        System.out.println("skipped: no SLURM");
    }
    """),
    md("""
    ## The randomized search with n_iter = 500

    The slides' big run: 500 candidates with 10-fold cross-validation are 5000 SVC fits, a long wait on a
    laptop; a cluster job spreads them over every core it gets (the cell prints how long it took here).
    (At `JP_NOTEBOOK_SCALE=small` the search is tiny.) The search is the one of notebook 10; only the pool
    differs.
    """),
    code("""
    import org.javaparallel.ml.*;
    import org.javaparallel.ml.search.*;

    if (SLURM) {
        LabeledData digits = Digits.load();
        Map<String, Object> paramSpace = Map.of(
            "C", ParamDistribution.logspace(-6, 6, 30),
            "gamma", ParamDistribution.logspace(-8, 8, 30),
            "tol", ParamDistribution.logspace(-4, -1, 30),
            "classWeight", List.of("none", "balanced"));
        long t0 = System.nanoTime();
        RandomizedSearch search = new RandomizedSearch(new SVC(), paramSpace, N_ITER).seed(42).cv(FOLDS).verbose(1)
                .fit(digits, Pools.current());
        System.out.printf("%d candidates on %s in %.1f s%n", N_ITER, Pools.current().describe(), (System.nanoTime() - t0) / 1e9);
        System.out.println("best: " + search.bestParams() + " with accuracy " + search.bestScore());
    } else {
        System.out.println("skipped: no SLURM");
    }
    """),
    md("""
    ## Giving the nodes back

    Leave the cluster before cancelling it (the kernel's Spark session ends), then `scancel` the job: SLURM
    stops the job's tasks, the script's trap removes the master file and the secret. Nothing of the job
    may remain — no job in the queue, no master file, no Spark process of the job.
    """),
    code("""
    %backend threads
    """),
    code("""
    %spark stop
    """),
    code("""
    if (SLURM) {
        Command cancelled = run("scancel", JOB_ID);
        if (cancelled.exitCode() != 0) throw new IllegalStateException("scancel failed: " + cancelled.output());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((inQueue(JOB_ID) || Files.exists(MASTER_FILE)) && System.nanoTime() < deadline) Thread.sleep(500);
        String jobMarker = "spark-cluster-" + JOB_ID + ".conf";   // on the command line of the job's Spark JVMs
        long sparkJvms = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(jobMarker)).count();
        System.out.println("job " + JOB_ID + " still in the queue: " + inQueue(JOB_ID));
        System.out.println("master file still there: " + Files.exists(MASTER_FILE));
        System.out.println("Spark JVMs of the job still running on this node: " + sparkJvms);
        if (!inQueue(JOB_ID) && !Files.exists(MASTER_FILE) && sparkJvms == 0) System.out.println("nothing of job " + JOB_ID + " remains");
    } else {
        System.out.println("skipped: no SLURM");
    }
    """),
    md("""
    ## Exercises

    1. On your cluster, submit the job with `--nodes=3 --cpus-per-task=16` and run the n_iter=500 search
       again. How does the time compare with `%backend threads` on one node?
    2. Open the master's web UI (the `ui=` line of the master file; from your laptop through
       `ssh -L 8080:<node>:8080 <login host>`) while the search runs: how many executors and tasks are there?
    3. What happens to a running `map` when you `scancel` the job in the middle of it?
    """),
])
