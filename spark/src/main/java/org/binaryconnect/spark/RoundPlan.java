package org.binaryconnect.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How an epoch's batches fall into rounds and shards. A round trains {@code workers * syncEvery} consecutive batches
 * (the epoch's last round what is left), each partition a consecutive run of them, partition 0 first and never
 * fewer than any other; rounds do not cross epochs, since the driver evaluates the average after each epoch. With
 * one worker, partition 0 trains every batch in the order a single JVM does.
 */
final class RoundPlan {

    private RoundPlan() {
    }

    /** The first batch of each round, then {@code batches}. */
    static List<Integer> roundStarts(int batches, int workers, int syncEvery) {
        List<Integer> starts = new ArrayList<>();
        int perRound = Math.multiplyExact(workers, syncEvery);
        for (int first = 0; first < batches; first += perRound) {
            starts.add(first);
        }
        starts.add(batches);
        return starts;
    }

    /** The shards of the round of batches {@code [first, end)}: at most {@code workers}, none empty. */
    static List<Shard> shards(int first, int end, int workers, int[] order, int batchSize) {
        int batches = end - first;
        int partitions = Math.min(workers, batches);
        List<Shard> shards = new ArrayList<>(partitions);
        int next = first;
        for (int p = 0; p < partitions; p++) {
            int steps = batches / partitions + (p < batches % partitions ? 1 : 0);
            int[] samples = Arrays.copyOfRange(order, next * batchSize, (next + steps) * batchSize);
            shards.add(new Shard(p, next, steps, samples));
            next += steps;
        }
        return shards;
    }
}
