package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Inverted dropout: the mask holds {@code 0} or {@code 1 / (1 - rate)}, so evaluation needs no rescaling. */
public final class DropoutKernels {

    private DropoutKernels() {
    }

    /** Draws a fresh mask. */
    public static void sampleMask(INDArray mask, double rate, Rng rng) {
        Buf m = Buf.of(mask);
        double keep = 1.0 / (1.0 - rate);
        for (int i = 0, n = m.length(); i < n; i++) {
            m.set(i, rng.nextFloat() < rate ? 0 : keep);
        }
    }

    /** {@code values *= mask}: the forward pass on activations and, identically, the backward pass on deltas. */
    public static void applyMask(INDArray values, INDArray mask) {
        Buf v = Buf.of(values);
        Buf m = Buf.of(mask);
        for (int i = 0, n = v.length(); i < n; i++) {
            v.set(i, v.get(i) * m.get(i));
        }
    }
}
