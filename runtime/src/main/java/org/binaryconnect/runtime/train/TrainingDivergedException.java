package org.binaryconnect.runtime.train;

/**
 * The training loss became NaN or infinite. Training stops at once: every later step would only spread the NaN
 * through the weights. Reported with exit code 2, as a failure the model caused.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final double loss;

    public TrainingDivergedException(int epoch, int batch, int batches, double loss, double learningRate) {
        super("Training diverged at epoch " + epoch + ", batch " + batch + " of " + batches + ": the loss is "
                + loss + " at learning rate " + learningRate
                + "; lower the learning rate (learningRateStart), or check the network and the data.");
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
    }

    /** The epoch (1-based) of the step whose loss was not finite. */
    public int epoch() {
        return epoch;
    }

    /** The batch within the epoch (1-based) whose loss was not finite. */
    public int batch() {
        return batch;
    }

    public double loss() {
        return loss;
    }
}
