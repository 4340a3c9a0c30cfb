package org.binaryconnect.runtime.optim;

/**
 * The authors' schedule: the rate starts at {@code start} and is multiplied after every epoch by
 * {@code (end / start)^(1 / epochs)}, so that it reaches {@code end} after the last epoch.
 */
public record LearningRateSchedule(double start, double end, int epochs) {

    public LearningRateSchedule {
        if (!(start > 0) || !(end > 0) || epochs < 1) {
            throw new IllegalArgumentException("learning rates must be positive and epochs >= 1, got start=" + start
                    + ", end=" + end + ", epochs=" + epochs);
        }
    }

    public double decayPerEpoch() {
        return Math.pow(end / start, 1.0 / epochs);
    }

    /** The rate used during {@code epoch} (1-based). */
    public double rateAt(int epoch) {
        return start * Math.pow(decayPerEpoch(), epoch - 1);
    }
}
