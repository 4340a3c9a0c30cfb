package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * BinaryConnect's binarization of real-valued weights W into {@code +H / -H} (Courbariaux et al., 2015,
 * section 2.3), with the authors' {@code p = hard_sigmoid(W / H) = clip((W / H + 1) / 2, 0, 1)}.
 */
public final class Binarize {

    private Binarize() {
    }

    /** {@code Wb = round(p) ? +H : -H}, that is {@code W >= 0 ? +H : -H} (round half up, as Theano). */
    public static void deterministic(INDArray w, INDArray wb, double h) {
        Buf src = Buf.of(w);
        Buf dst = Buf.of(wb);
        for (int i = 0, n = src.length(); i < n; i++) {
            dst.set(i, src.get(i) >= 0 ? h : -h);
        }
    }

    /** {@code Wb = +H} with probability {@code p}, else {@code -H}; a fresh draw for every weight. */
    public static void stochastic(INDArray w, INDArray wb, double h, Rng rng) {
        Buf src = Buf.of(w);
        Buf dst = Buf.of(wb);
        double halfOverH = 0.5 / h;
        for (int i = 0, n = src.length(); i < n; i++) {
            double p = hardSigmoidScaled(src.get(i), halfOverH);
            dst.set(i, rng.nextFloat() < p ? h : -h);
        }
    }

    /** Copies the real-valued weights: how stochastic BinaryConnect is evaluated by the authors. */
    public static void real(INDArray w, INDArray wb) {
        wb.assign(w);
    }

    /** {@code clip((x / H + 1) / 2, 0, 1)} with {@code halfOverH = 0.5 / H}. */
    static double hardSigmoidScaled(double x, double halfOverH) {
        double p = x * halfOverH + 0.5;
        return p < 0 ? 0 : (p > 1 ? 1 : p);
    }
}
