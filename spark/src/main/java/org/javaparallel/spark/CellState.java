package org.javaparallel.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.javaparallel.parallel.spi.CellCode;
import org.javaparallel.parallel.spi.CellCodeRegistry;

/**
 * The driver's side of shipping top-level variables: the cell code the kernel installed in
 * {@link CellCodeRegistry}, the current state generation
 * (a new one before each cell and each pool job) and the snapshot taken for the latest generation asked for.
 * Static because Spark instantiates the driver plugin itself.
 */
final class CellState {
    private static final AtomicLong generation = new AtomicLong();
    private static long snapshotGeneration = -1;
    private static byte[] snapshot;
    private static List<String> skipped = List.of();

    private CellState() {
    }

    /** The loader of cell classes: the evaluator's in a kernel, else the thread's (Spark used from a plain program). */
    static ClassLoader loader() {
        return CellCodeRegistry.loader();
    }

    /** The directory of cell classes that executors load from the driver, when cells defined any. */
    static Optional<Path> classDirectory() {
        return CellCodeRegistry.current().map(CellCode::classDirectory);
    }

    /** Starts a new generation: executors holding an older copy will ask again. */
    static long advance() {
        return generation.incrementAndGet();
    }

    /**
     * The encoded snapshot for {@code requested}, captured on first request: jobs run while their cell waits,
     * so the values then are those at the job's start. A request for an older generation (a late task of an
     * asynchronous job) gets the newest snapshot.
     */
    static synchronized byte[] snapshotFor(long requested) {
        if (snapshot == null || requested > snapshotGeneration) {
            StateSnapshot captured = StateSnapshot.capture(
                    CellCodeRegistry.current().map(CellCode::variables).orElse(List.of()), loader());
            snapshot = captured.encode();
            skipped = captured.skipped();
            snapshotGeneration = Math.max(requested, generation.get());
        }
        return snapshot;
    }

    /** Variables that executors do not get, with the reason; named in task failure messages. */
    static synchronized List<String> skipped() {
        return skipped;
    }
}
