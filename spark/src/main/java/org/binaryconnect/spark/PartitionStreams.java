package org.binaryconnect.spark;

import org.binaryconnect.runtime.nn.Rng;

/**
 * The random stream each partition draws its dropout masks and stochastic binarizations from in a round. Partition
 * 0 continues the run's own stream, so one worker draws exactly what a single JVM draws; partition {@code p > 0}
 * starts from a hash of the round's state and {@code p}, a point of the 2^64-long SplitMix64 cycle far from the
 * others. Each depends only on the round's input, so a retried task draws the same numbers again.
 */
final class PartitionStreams {

    // An odd constant unrelated to SplitMix64's own increment, so that partitions do not land on each other's path.
    private static final long PARTITION_STEP = 0xD1B5_4A32_D192_ED03L;

    private PartitionStreams() {
    }

    static long randomState(long roundState, int partition) {
        return partition == 0 ? roundState : new Rng(roundState ^ (partition * PARTITION_STEP)).nextLong();
    }
}
