package org.binaryconnect.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundPlanTest {

    @Test
    void roundsTakeWorkersTimesSyncEveryBatchesAndTheEpochsLastRoundWhatIsLeft() {
        assertEquals(List.of(0, 6, 12, 18, 20), RoundPlan.roundStarts(20, 2, 3));
        assertEquals(List.of(0, 7, 14, 20), RoundPlan.roundStarts(20, 1, 7));
        assertEquals(List.of(0, 20), RoundPlan.roundStarts(20, 4, 100));
    }

    @Test
    void shardsAreConsecutiveBatchesPartitionZeroFirstAndNeverEmpty() {
        int[] order = new int[40];
        for (int i = 0; i < order.length; i++) {
            order[i] = 39 - i;
        }
        // batches 3, 4, 5 and 6 of 2 samples for 3 workers: 2 + 1 + 1
        List<Shard> shards = RoundPlan.shards(3, 7, 3, order, 2);
        assertEquals(3, shards.size());
        assertEquals(3, shards.get(0).firstBatch());
        assertEquals(2, shards.get(0).steps());
        assertArrayEquals(new int[] {33, 32, 31, 30}, shards.get(0).samples());
        assertEquals(5, shards.get(1).firstBatch());
        assertArrayEquals(new int[] {29, 28}, shards.get(1).samples());
        assertEquals(6, shards.get(2).firstBatch());
        // one batch left for 3 workers: one shard
        assertEquals(1, RoundPlan.shards(19, 20, 3, order, 2).size());
    }
}
