package org.binaryconnect.runtime.train;

import java.util.Locale;

/**
 * Decides whether a step's loss means the run has diverged: NaN or infinite, or more than {@link #FACTOR} times
 * the loss of the run's first batch. BatchNorm and BinaryConnect's clipping keep an absurd learning rate from ever
 * producing NaN (the weights stay within +-H, the batch statistics renormalise), so the second rule is what catches
 * it: the BatchNorm shifts then grow by about the learning rate every step and the loss with their square.
 */
public final class DivergenceCheck {

    /** No run that learns comes near this multiple of its starting loss; a diverging one passes it in a few steps. */
    static final double FACTOR = 1e4;

    private double referenceLoss;

    /** @param referenceLoss the first batch's loss, or NaN before the run's first step */
    public DivergenceCheck(double referenceLoss) {
        this.referenceLoss = referenceLoss;
    }

    public double referenceLoss() {
        return referenceLoss;
    }

    /** Records the first finite loss as the reference; returns what is wrong with {@code loss}, or null. */
    public String problem(double loss) {
        if (!Double.isFinite(loss)) {
            return "the loss is " + loss;
        }
        if (Double.isNaN(referenceLoss)) {
            referenceLoss = loss;
            return null;
        }
        if (referenceLoss > 0 && loss > FACTOR * referenceLoss) {
            return String.format(Locale.ROOT, "the loss is %.4g, more than %.0f times the first batch's %.4g", loss,
                    FACTOR, referenceLoss);
        }
        return null;
    }
}
