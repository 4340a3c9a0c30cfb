package org.binaryconnect.runtime.train;

import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * One epoch's work for a {@link StepSource}.
 *
 * @param network the network to train; it holds the state the epoch starts from and must hold the one it ends with
 * @param training the training samples
 * @param order the epoch's shuffled order of the training samples
 * @param batches how many full batches the epoch trains (the remainder of {@code order} is dropped)
 * @param epoch 1-based
 * @param learningRate the epoch's learning rate
 * @param divergence checks every step's loss, in batch order, before that step's update is kept
 * @param display is told of every batch, in order
 */
public record EpochSteps(TrainableNetwork network, Samples training, int[] order, int batches, int epoch,
        double learningRate, DivergenceCheck divergence, ProgressDisplay display) {

    /** The exception that stops the run at {@code batch} (0-based) with {@code problem}; {@code where} may be "". */
    public TrainingDivergedException diverged(int batch, double loss, String problem, String where) {
        return new TrainingDivergedException(epoch, batch + 1, batches, loss, learningRate, problem, where);
    }
}
