package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Elementwise nonlinearities and their derivatives. */
public final class ActivationKernels {

    private ActivationKernels() {
    }

    /** {@code out = max(0, in)}; {@code out} may be {@code in}. */
    public static void relu(INDArray in, INDArray out) {
        Buf x = Buf.of(in);
        Buf y = Buf.of(out);
        for (int i = 0, n = x.length(); i < n; i++) {
            double v = x.get(i);
            y.set(i, v > 0 ? v : 0);
        }
    }

    /** {@code delta *= (out > 0)}, with {@code out} the ReLU's output (positive exactly where its input was). */
    public static void reluBackward(INDArray delta, INDArray out) {
        Buf d = Buf.of(delta);
        Buf y = Buf.of(out);
        for (int i = 0, n = d.length(); i < n; i++) {
            if (!(y.get(i) > 0)) {
                d.set(i, 0);
            }
        }
    }
}
