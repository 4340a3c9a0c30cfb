package org.binaryconnect.spark;

import java.io.Serializable;

/**
 * What a partition's round gives back.
 *
 * @param partition the partition's index: results are averaged in this order, never in the order they arrive
 * @param firstBatch the epoch's 0-based index of the shard's first batch
 * @param losses every step's loss in order; when the last one diverged, its update was not made
 * @param snapshot the partition's training state after its steps ({@link org.binaryconnect.runtime.model.StateSnapshot});
 *     null when a step diverged
 * @param problem what was wrong with the last loss when a step diverged, else null
 * @param where where NaN or infinite values first appeared when a step diverged, else ""
 */
record ShardResult(int partition, int firstBatch, double[] losses, byte[] snapshot, String problem, String where)
        implements Serializable {

    boolean diverged() {
        return snapshot == null;
    }
}
