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
        if (src instanceof Buf.F32 in && dst instanceof Buf.F32 out) {
            deterministic(in, out, (float) h);
            return;
        }
        double[] in = Scratch.doubles(0, Scratch.CHUNK);
        double[] out = Scratch.doubles(1, Scratch.CHUNK);
        for (int from = 0; from < src.length(); from += Scratch.CHUNK) {
            int count = Math.min(Scratch.CHUNK, src.length() - from);
            src.load(from, in, count);
            for (int i = 0; i < count; i++) {
                // W + 0.0 turns -0.0 into +0.0, so W >= 0 takes +H; copySign has no branch to mispredict.
                out[i] = Math.copySign(h, in[i] + 0.0);
            }
            dst.store(from, out, count);
        }
    }

    /** {@code Wb = +H} with probability {@code p}, else {@code -H}; a fresh draw for every weight. */
    public static void stochastic(INDArray w, INDArray wb, double h, Rng rng) {
        Buf src = Buf.of(w);
        Buf dst = Buf.of(wb);
        if (src instanceof Buf.F32 in && dst instanceof Buf.F32 out) {
            stochastic(in, out, (float) h, rng);
            return;
        }
        double[] in = Scratch.doubles(0, Scratch.CHUNK);
        double[] uniform = Scratch.doubles(1, Scratch.CHUNK);
        double halfOverH = 0.5 / h;
        for (int from = 0; from < src.length(); from += Scratch.CHUNK) {
            int count = Math.min(Scratch.CHUNK, src.length() - from);
            src.load(from, in, count);
            rng.fillFloats(uniform, count);
            for (int i = 0; i < count; i++) {
                double p = Math.min(1, Math.max(0, in[i] * halfOverH + 0.5));
                // ceil(p - u) is 1 exactly when u < p, else 0: a select without a branch (a random sign
                // mispredicts half the time, which made this loop 7x slower).
                uniform[i] = h * (2 * Math.ceil(p - uniform[i]) - 1);
            }
            dst.store(from, uniform, count);
        }
    }

    private static void deterministic(Buf.F32 src, Buf.F32 dst, float h) {
        Parallel.split(src.length(), (start, end) -> {
            float[] in = Scratch.floats(0, Scratch.CHUNK);
            float[] out = Scratch.floats(1, Scratch.CHUNK);
            for (int from = start; from < end; from += Scratch.CHUNK) {
                int count = Math.min(Scratch.CHUNK, end - from);
                src.loadFloats(from, in, count);
                for (int i = 0; i < count; i++) {
                    out[i] = Math.copySign(h, in[i] + 0.0f);
                }
                dst.storeFloats(from, out, count);
            }
        });
    }

    private static void stochastic(Buf.F32 src, Buf.F32 dst, float h, Rng rng) {
        long stream = rng.reserve(src.length());
        float halfOverH = 0.5f / h;
        Parallel.split(src.length(), (start, end) -> {
            float[] in = Scratch.floats(0, Scratch.CHUNK);
            float[] uniform = Scratch.floats(1, Scratch.CHUNK);
            for (int from = start; from < end; from += Scratch.CHUNK) {
                int count = Math.min(Scratch.CHUNK, end - from);
                src.loadFloats(from, in, count);
                Rng.fillFloats(stream, from, uniform, count);
                for (int i = 0; i < count; i++) {
                    float p = Math.min(1f, Math.max(0f, in[i] * halfOverH + 0.5f));
                    // +H exactly when u < p: p - u - MIN_VALUE is negative when p == u and positive when p > u.
                    uniform[i] = Math.copySign(h, (p - uniform[i]) - Float.MIN_VALUE);
                }
                dst.storeFloats(from, uniform, count);
            }
        });
    }

    /** Copies the real-valued weights: how stochastic BinaryConnect is evaluated by the authors. */
    public static void real(INDArray w, INDArray wb) {
        wb.assign(w);
    }
}
