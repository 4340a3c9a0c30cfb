package org.binaryconnect.runtime.optim;

import java.util.List;

/**
 * Applies one step of updates from {@link Parameter#gradient()} to {@link Parameter#value()}, in BinaryConnect's
 * way: with {@code W_new} what the optimizer alone would give, binary parameters become
 * {@code clip(W + W_LR_scale * (W_new - W), -H, H)} and plain ones {@code W_new}.
 */
public interface Optimizer {

    void update(List<Parameter> parameters, double learningRate);

    /** Number of updates applied so far (Adam's t). */
    long steps();

    /** Restores the step count saved with a checkpoint. */
    void restoreSteps(long steps);

    /** Moves {@code w} by {@code delta} (= W_new - W), scaled and clipped for binary parameters. */
    static double applyDelta(double w, double delta, double learningRateScale, double h) {
        double updated = w + learningRateScale * delta;
        if (h > 0) {
            updated = Math.max(-h, Math.min(h, updated));
        }
        return updated;
    }
}
