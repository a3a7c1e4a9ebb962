package org.javaparallel.parallel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.javaparallel.parallel.Pool;
import org.javaparallel.parallel.Pools;
import org.javaparallel.parallel.SerializableFunction;
import org.junit.jupiter.api.Test;

/** What a task carries (the data it captured) reaches each worker JVM once per call, not once per chunk. */
class TaskShippingTest {
    /** Counts, in the JVM that reads it, how often a task with its data was read there. */
    static final class DataCarryingTask implements SerializableFunction<Integer, List<Long>> {
        private static final long serialVersionUID = 1L;
        private static final AtomicInteger READS = new AtomicInteger();
        private final double[] data = new double[50_000];

        @Override
        public List<Long> apply(Integer item) {
            return List.of(ProcessHandle.current().pid(), (long) READS.get(), (long) data.length);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            READS.incrementAndGet();
        }
    }

    @Test
    void theTaskAndItsDataAreReadOncePerWorkerAndCall() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        try (Pool pool = Pools.processes(2)) {
            for (int call = 1; call <= 3; call++) {
                List<List<Long>> seen = pool.map(new DataCarryingTask(), items, 1);
                for (List<Long> row : seen) {
                    assertEquals(50_000L, row.get(2));
                    // a worker that ran this call's first chunk has read the task once per call so far; one that
                    // joins a call later reads it then, so its count is at most the call number
                    assertTrue(row.get(1) >= 1 && row.get(1) <= call,
                            "call " + call + ": worker " + row.get(0) + " read the task " + row.get(1) + " times");
                }
            }
        }
    }
}
