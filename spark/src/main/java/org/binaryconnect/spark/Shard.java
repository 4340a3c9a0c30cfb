package org.binaryconnect.spark;

import java.io.Serializable;

/**
 * One partition's part of a round: consecutive batches of the epoch.
 *
 * @param partition the partition's index; partition 0 carries the run's own random stream on
 * @param firstBatch the epoch's 0-based index of the shard's first batch
 * @param steps how many batches (steps) the shard trains
 * @param samples the training samples' indices of those batches, {@code steps * batchSize} of them, in order
 */
record Shard(int partition, int firstBatch, int steps, int[] samples) implements Serializable {
}
