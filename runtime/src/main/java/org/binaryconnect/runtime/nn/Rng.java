package org.binaryconnect.runtime.nn;

/**
 * A small, fast, seedable random generator (SplitMix64). Its whole state is one {@code long}, so a
 * checkpoint can save and restore it exactly, and a seed reproduces a run bit for bit.
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public long state() {
        return state;
    }

    public void restore(long savedState) {
        this.state = savedState;
    }

    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /** {@code (i + 1) * GAMMA}: the state increments of one chunk of draws. */
    private static final long[] INCREMENTS = new long[Scratch.CHUNK];

    static {
        for (int i = 0; i < INCREMENTS.length; i++) {
            INCREMENTS[i] = (i + 1) * GAMMA;
        }
    }

    public long nextLong() {
        return mix(state += GAMMA);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Reserves the next {@code count} values for {@link #fillFloats(long, int, float[], int)}: returns the state
     * they start from and advances past them, so that threads can fill parts of them in any order.
     */
    public long reserve(int count) {
        long base = state;
        state = base + count * GAMMA;
        return base;
    }

    /**
     * Values {@code [offset, offset + count)} of those reserved at {@code base}, {@code count <=}
     * {@link Scratch#CHUNK}: the same numbers as consecutive {@link #nextFloat()} calls.
     */
    public static void fillFloats(long base, int offset, float[] out, int count) {
        long start = base + offset * GAMMA;
        long[] bits = Scratch.longs(count);
        // The increments come from an array, not from the loop index: the JIT vectorizes this loop only then
        // (0.11 ns per number against 1.0 measured here).
        for (int i = 0; i < count; i++) {
            bits[i] = mix(start + INCREMENTS[i]);
        }
        for (int i = 0; i < count; i++) {
            out[i] = (int) (bits[i] >>> 40) * 0x1.0p-24f;
        }
    }

    /** Writes the next {@code count} values of {@link #nextFloat()} into {@code out}, as that many calls would. */
    public void fillFloats(double[] out, int count) {
        long base = state;
        for (int i = 0; i < count; i++) {
            out[i] = (mix(base + (i + 1) * GAMMA) >>> 40) * 0x1.0p-24;
        }
        state = base + count * GAMMA;
    }

    /** Uniform in [0, 1) with 24 random bits, enough for single-precision sampling. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** A new generator whose stream is independent of this one's, for a separate purpose. */
    public Rng split() {
        return new Rng(nextLong());
    }
}
