package org.binaryconnect.runtime.train;

/**
 * The training loss became NaN or infinite, or grew far beyond the loss the run started with. Training stops at
 * once: every later step would only spread the NaN through the weights. Reported with exit code 2, as a failure
 * the model caused.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final double loss;

    /**
     * @param problem what is wrong with the loss, e.g. "the loss is NaN"
     * @param where where the fault was found in the network, or an empty string
     */
    public TrainingDivergedException(int epoch, int batch, int batches, double loss, double learningRate,
            String problem, String where) {
        super("Training diverged at epoch " + epoch + ", batch " + batch + " of " + batches + ": " + problem
                + " at learning rate " + learningRate + (where.isEmpty() ? "" : "; " + where)
                + ". Lower the learning rate (learningRateStart), or check the network and the data.");
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
