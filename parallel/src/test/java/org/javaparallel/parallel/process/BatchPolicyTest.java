package org.javaparallel.parallel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchPolicyTest {
    private final BatchPolicy policy = new BatchPolicy();

    @Test
    void aCallWhoseChunksWereNotMeasuredYetSendsOneChunkAtATime() {
        assertEquals(1, policy.size(7, 1000, 2));
        assertFalse(policy.mayPipeline(7));
        policy.observe(6, 10, 10_000);
        assertEquals(1, policy.size(7, 1000, 2), "what another call measured says nothing about this one");
    }

    @Test
    void slowChunksStayOneAtATimeSoThatSchedulingStaysDynamic() {
        policy.observe(1, 1, 50_000_000);
        assertEquals(1, policy.size(1, 1000, 2));
        assertFalse(policy.mayPipeline(1));
    }

    @Test
    void fastChunksAreBatchedToAboutTheBatchTargetAndPipelined() {
        policy.observe(1, 10, 10 * 20_000); // 20 us per chunk: 400 make the 8 ms a batch carries
        assertEquals(400, policy.size(1, 100_000, 2));
        assertTrue(policy.mayPipeline(1));
    }

    @Test
    void theLastChunksAreSharedAmongTheWorkers() {
        policy.observe(1, 10, 10 * 20_000);
        assertEquals(60, policy.size(1, 120, 2));
        policy.observe(1, 400, 400 * 5_000); // 5 us per chunk, as tiny tasks cost a worker in all
        assertEquals(999, policy.size(1, 1998, 2), "10 ms of work left: each of the two workers takes half");
    }

    @Test
    void whatRemainsIsTakenWholeWhenItIsLessWorkThanOneBatch() {
        policy.observe(1, 10, 10 * 1_000); // 1 us per chunk: 1500 chunks are 1.5 ms
        assertEquals(1500, policy.size(1, 1500, 2));
        assertEquals(4096, policy.size(1, 100_000, 1), "more than that: 8 ms a batch, at most 4096 chunks");
    }
}
