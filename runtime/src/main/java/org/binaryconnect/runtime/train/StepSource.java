package org.binaryconnect.runtime.train;

import java.io.IOException;

/**
 * Where an epoch's training steps are taken: in this JVM (the default), or spread over a cluster's workers. The
 * {@link Trainer} shuffles, evaluates, checkpoints and reports around it, so every source shares that code.
 */
public interface StepSource {

    /**
     * Trains {@link EpochSteps#network()} on the epoch's batches and leaves the network holding the state the epoch
     * ends with. Batch {@code b} is the training samples {@code order[b * batchSize ..]}.
     *
     * @return the sum of the steps' losses, added in batch order
     * @throws TrainingDivergedException when a step's loss is not finite or explodes ({@link EpochSteps#divergence()})
     */
    double trainEpoch(EpochSteps epoch) throws IOException;

    /**
     * What of this source changes a run's result, part of the run's key so that a checkpoint is resumed only by a
     * run that would have continued it the same way; "" for a source that takes the steps of one JVM bit for bit.
     */
    default String resultKey() {
        return "";
    }
}
