from nbgen import md, code, header, write

write("00-tour", [
    md("""
    # 00 · A tour of the Java kernel

    This course runs Java in Jupyter. Each cell is Java code evaluated by **JShell**, the Java REPL, inside
    the kernel's JVM. This notebook shows what a cell can do: declarations that live on, rich output with
    `display(...)`, the timing magics, and what errors look like.

    The first code cell of every notebook prints the machine, the JDK and the date, so that every number
    below belongs to a known machine. It also picks the size of the experiments: set the environment
    variable `JP_NOTEBOOK_SCALE=small` for a quick run.
    """),
    header("""
    int N = SMALL ? 1_000_000 : 50_000_000;
    """),
    md("""
    ## Cells, variables and methods

    Unlike a Java program you do not need a class or a `main` method. Variables and methods you declare in
    one cell stay available in later cells. If the last line of a cell is an expression (no semicolon),
    its value is shown as the cell's result — like the last line of a Python cell.
    """),
    code("""
    int answer = 6 * 7;
    long square(long x) { return x * x; }
    square(answer)
    """),
    code("""
    // Records, classes and lambdas work as in any Java file; java.util.* and java.util.stream.* are imported.
    record Point(double x, double y) { double norm() { return Math.hypot(x, y); } }
    List<Point> points = List.of(new Point(3, 4), new Point(5, 12), new Point(8, 15));
    points.stream().map(Point::norm).toList()
    """),
    md("""
    ## Rich output: `display(...)`

    `display(obj)` shows an object below the cell: plain text, `html(...)`, `markdown(...)`, a PNG
    (`png(bytes)`), a `BufferedImage`, or an XChart chart. It returns a handle whose `update(obj)` replaces
    what was shown — handy for progress reports.
    """),
    code("""
    display(html("<b>HTML</b> from Java: <span style='color:#c00'>red text</span>"));
    display(markdown("*Markdown* too: `code`, **bold**"));
    var progress = display("step 0 of 5");
    for (int step = 1; step <= 5; step++) {
        Thread.sleep(100);
        progress.update("step " + step + " of 5");
    }
    """),
    code("""
    // A picture drawn with java.awt: each pixel's colour comes from its coordinates.
    var image = new java.awt.image.BufferedImage(256, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 256; x++)
        for (int y = 0; y < 64; y++)
            image.setRGB(x, y, (x << 16) | (y * 4 << 8) | (255 - x));
    display(image);
    """),
    md("""
    ## Magics

    Lines that start with `%` are *magics*: commands for the kernel, not Java. `%lsmagic` lists them.
    `%time` runs a statement once and reports wall time and CPU time; `%timeit` runs it many times and
    reports the mean and spread (use `-n` for loops per run and `-r` for the number of runs). The cell
    forms `%%time` and `%%timeit` time the whole cell. A library from Maven Central is one line away:
    `%maven org.apache.commons:commons-csv:1.14.1` adds it and what it needs, for cells, worker JVMs and
    Spark executors alike (`%jars` does the same for jar files you have). `%env NAME=value` sets an
    environment variable for the worker JVMs started later, and `%env NAME` shows one.
    """),
    code("""
    %lsmagic
    """),
    code("""
    %time LongStream.range(0, N).map(i -> i % 7).sum()
    """),
    code("""
    %timeit -n 5 -r 3 LongStream.range(0, N).map(i -> i % 7).sum()
    """),
    code("""
    %%time
    long total = 0;
    for (int i = 0; i < N; i++) total += i % 7;
    total
    """),
    code("""
    %env COURSE=hpc
    """),
    md("""
    ## Errors

    A compile error shows where the code is wrong; an exception shows its stack trace. Either way the
    kernel keeps running and earlier variables are still there. (These two cells fail on purpose.)
    """),
    code("""
    int wrong = "text";
    """, raises=True),
    code("""
    List.of(1, 2, 3).get(5)
    """, raises=True),
    code("""
    answer   // still here after the errors
    """),
    md("""
    ## Exercises

    1. Write a method `fib(int n)` (recursive) and time `fib(30)` with `%time` and with `%timeit`. Why do
       the two numbers differ? (Hint: notebook 08 on the JIT.)
    2. Use `display(...).update(...)` to show a counter that counts down from 10 to 0, one step per 200 ms.
    3. Draw a `BufferedImage` of the Mandelbrot set, 400×300 pixels, and display it.
    """),
])
