package org.binaryconnect.runtime.optim;

import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.Gemm;
import org.binaryconnect.runtime.nn.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One trainable array with its gradient and optimizer state.
 *
 * <p>A binary parameter is BinaryConnect's weight matrix: {@link #value()} holds the real-valued W that
 * accumulates updates, {@link #propagated()} the binarized Wb that forward and backward use, and
 * {@link #gradient()} dL/dWb. Its update is scaled by {@link #learningRateScale()} and clipped to
 * {@code [-H, H]}. A plain parameter (bias, BatchNorm gamma and beta, full-precision weights) propagates its
 * value itself and gets the optimizer's update unscaled and unclipped.
 *
 * <p>A binary parameter can ask its optimizer to binarize it for the next step in the same pass over memory as
 * its update ({@link #binary(String, INDArray, double, double, Binarization, Rng)}): the network then skips its
 * own binarization pass after an update.
 */
public final class Parameter {

    private final String name;
    private final INDArray value;
    private final INDArray propagated;
    private final INDArray gradient;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    private final double h;
    private final double learningRateScale;
    private final Binarization binarizationAfterUpdate;
    private final Rng binarizationRng;
    /** Whether the optimizer left {@link #gradient()} all +0 after its update, so that the next product need not. */
    private boolean gradientZeroed;

    private Parameter(String name, INDArray value, INDArray propagated, double h, double learningRateScale,
            Binarization binarizationAfterUpdate, Rng binarizationRng) {
        this.name = name;
        this.value = value;
        this.propagated = propagated;
        this.gradient = value.ulike();
        this.firstMoment = value.ulike().assign(0);
        this.secondMoment = value.ulike().assign(0);
        this.h = h;
        this.learningRateScale = learningRateScale;
        this.binarizationAfterUpdate = binarizationAfterUpdate;
        this.binarizationRng = binarizationRng;
    }

    /** BinaryConnect weights: binarized to {@code +-h} for propagation, updates scaled and clipped. */
    public static Parameter binary(String name, INDArray value, double h, double learningRateScale) {
        return binary(name, value, h, learningRateScale, Binarization.NONE, null);
    }

    /**
     * BinaryConnect weights that the optimizer also binarizes right after each update, {@code DETERMINISTIC}ally
     * or {@code STOCHASTIC}ally with draws from {@code rng} ({@code NONE}: it does not).
     */
    public static Parameter binary(String name, INDArray value, double h, double learningRateScale,
            Binarization afterUpdate, Rng rng) {
        if (!(h > 0) || !(learningRateScale > 0)) {
            throw new IllegalArgumentException(name + ": H and W_LR_scale must be positive, got " + h + " and "
                    + learningRateScale);
        }
        if (afterUpdate == Binarization.STOCHASTIC && rng == null) {
            throw new IllegalArgumentException(name + ": stochastic binarization needs a random generator");
        }
        return new Parameter(name, value, value.ulike(), h, learningRateScale, afterUpdate, rng);
    }

    /** A full-precision parameter. */
    public static Parameter plain(String name, INDArray value) {
        return new Parameter(name, value, value, 0, 1, Binarization.NONE, null);
    }

    public String name() {
        return name;
    }

    public boolean isBinary() {
        return h > 0;
    }

    /** The real-valued parameter the optimizer updates. */
    public INDArray value() {
        return value;
    }

    /** What forward and backward propagation use: Wb for binary parameters, the value otherwise. */
    public INDArray propagated() {
        return propagated;
    }

    /**
     * dLoss/d{@link #propagated()}, written by the backward pass before each update. The update consumes it: an
     * optimizer may leave it +0 (the Vector API path of binary parameters does, see {@link #setGradientToProduct}).
     */
    public INDArray gradient() {
        return gradient;
    }

    /**
     * Overwrites {@link #gradient()} with {@code op(a) op(b)}, as the backward pass computes a weight gradient:
     * {@link Gemm#multiply(INDArray, boolean, INDArray, boolean, INDArray, boolean)}, which skips zeroing the
     * gradient first when the optimizer already left it zeroed.
     */
    public void setGradientToProduct(INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        Gemm.multiply(a, transposeA, b, transposeB, gradient, gradientZeroed);
        gradientZeroed = false;
    }

    /** Records that the optimizer has just set every element of {@link #gradient()} to +0. */
    void gradientZeroed() {
        gradientZeroed = true;
    }

    /** Adam's first moment, or SGD's velocity. */
    public INDArray firstMoment() {
        return firstMoment;
    }

    /** Adam's second moment; unused by SGD. */
    public INDArray secondMoment() {
        return secondMoment;
    }

    /** The binary magnitude H (the clip bound), or 0 for a plain parameter. */
    public double h() {
        return h;
    }

    /** How the optimizer binarizes this parameter right after updating it; {@code NONE} when it does not. */
    public Binarization binarizationAfterUpdate() {
        return binarizationAfterUpdate;
    }

    /**
     * Reserves the random draws of one binarization after an update: the stream's start for
     * {@link Binarize#stochasticChunk}, or 0 when none are needed.
     */
    long reserveBinarizationDraws() {
        return binarizationAfterUpdate == Binarization.STOCHASTIC
                ? binarizationRng.reserve(Math.toIntExact(value.length())) : 0;
    }

    /** The whole-array binarization after an update, for optimizers' double-precision path. */
    void binarizeAfterUpdate() {
        switch (binarizationAfterUpdate) {
            case DETERMINISTIC -> Binarize.deterministic(value, propagated, h);
            case STOCHASTIC -> Binarize.stochastic(value, propagated, h, binarizationRng);
            case NONE -> {
            }
        }
    }

    /** W_LR_scale for binary parameters, 1 otherwise. */
    public double learningRateScale() {
        return learningRateScale;
    }
}
