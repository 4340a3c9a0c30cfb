package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Inverted dropout: the mask holds {@code 0} or {@code 1 / (1 - rate)}, so evaluation needs no rescaling. */
public final class DropoutKernels {

    private DropoutKernels() {
    }

    /** Draws a fresh mask. */
    public static void sampleMask(INDArray mask, double rate, Rng rng) {
        Buf m = Buf.of(mask);
        double[] values = Scratch.doubles(0, m.length());
        rng.fillFloats(values, m.length());
        double keep = 1.0 / (1.0 - rate);
        for (int i = 0, n = m.length(); i < n; i++) {
            // ceil(u - rate) is 1 when u > rate (probability 1 - rate), else 0: a branch-free select.
            values[i] = keep * Math.ceil(values[i] - rate);
        }
        m.storeAll(values);
    }

    /** {@code values *= mask}: the forward pass on activations and, identically, the backward pass on deltas. */
    public static void applyMask(INDArray values, INDArray mask) {
        if (Buf.singlePrecision(values, mask)) {
            float[] data = Buf.loadFloats(values, 0);
            float[] m = Buf.loadFloats(mask, 1);
            for (int i = 0, n = (int) values.length(); i < n; i++) {
                data[i] *= m[i];
            }
            Buf.storeFloats(values, data);
            return;
        }
        Buf v = Buf.of(values);
        double[] data = v.loadAll(0);
        double[] m = Buf.of(mask).loadAll(1);
        for (int i = 0, n = v.length(); i < n; i++) {
            data[i] *= m[i];
        }
        v.storeAll(data);
    }
}
