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
                deterministicChunk(in, out, count, h);
                dst.storeFloats(from, out, count);
            }
        });
    }

    private static void stochastic(Buf.F32 src, Buf.F32 dst, float h, Rng rng) {
        long stream = rng.reserve(src.length());
        Parallel.split(src.length(), (start, end) -> {
            float[] in = Scratch.floats(0, Scratch.CHUNK);
            float[] out = Scratch.floats(1, Scratch.CHUNK);
            for (int from = start; from < end; from += Scratch.CHUNK) {
                int count = Math.min(Scratch.CHUNK, end - from);
                src.loadFloats(from, in, count);
                stochasticChunk(in, out, count, h, stream, from);
                dst.storeFloats(from, out, count);
            }
        });
    }

    /**
     * Deterministic binarization of {@code w[0, count)} into {@code out}: the single-precision kernel, which
     * optimizers also call on each chunk right after updating it (see {@code Parameter.binary}).
     */
    public static void deterministicChunk(float[] w, float[] out, int count, float h) {
        for (int i = 0; i < count; i++) {
            // 2^150 W + 1 is >= 1 for every W >= 0 (-0 included) and <= -1 for every W < 0, subnormals included:
            // clamped to [0, 1] it is the 0/1 outcome, computed without a branch (a branch on the sign of random
            // weights mispredicts half the time) and without Math.copySign, which the JIT does not vectorize for
            // floats (1.5 ns per weight against 0.3).
            float up = Math.min(1f, Math.max(0f, w[i] * 0x1p126f * 0x1p24f + 1f));
            out[i] = h * (2 * up - 1);
        }
    }

    /**
     * Stochastic binarization of {@code w[0, count)} into {@code out}, with the uniform draws
     * {@code [offset, offset + count)} of the stream {@link Rng#reserve reserved} for the whole array.
     */
    public static void stochasticChunk(float[] w, float[] out, int count, float h, long stream, int offset) {
        Rng.fillFloats(stream, offset, out, count);
        float halfOverH = 0.5f / h;
        for (int i = 0; i < count; i++) {
            float p = Math.min(1f, Math.max(0f, w[i] * halfOverH + 0.5f));
            // +H exactly when u < p. p - u is 0 or at least 2^-26 in magnitude (both are multiples of 2^-26), so
            // p - u - MIN_VALUE is negative when p <= u and positive when p > u; scaled by 2^149 and clamped it is
            // -1 or +1. No branch (a branch on a random outcome mispredicts half the time: 7x slower, measured),
            // no Math.copySign (not vectorized for floats: 1.5 ns per weight against 0.3).
            float sign = Math.max(-1f, Math.min(1f, ((p - out[i]) - Float.MIN_VALUE) * 0x1p126f * 0x1p23f));
            out[i] = h * sign;
        }
    }

    /** Copies the real-valued weights: how stochastic BinaryConnect is evaluated by the authors. */
    public static void real(INDArray w, INDArray wb) {
        wb.assign(w);
    }
}
