package org.binaryconnect.runtime.nn;

/**
 * Per-thread heap arrays that kernels reuse from call to call, so that the training step allocates nothing once
 * the arrays have grown to the network's sizes.
 */
public final class Scratch {

    /** Elements per chunk when a kernel streams a large array: 8 slots of 8192 doubles stay within L2. */
    public static final int CHUNK = 8192;

    private static final int SLOTS = 8;
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[SLOTS][0]);
    /** The float slot that single-precision {@link Buf} loads and stores stage through. */
    private static final int STAGING = SLOTS;
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[SLOTS + 1][0]);

    private Scratch() {
    }

    /** A double array of at least {@code length} for {@code slot} (0 to 7). */
    public static double[] doubles(int slot, int length) {
        double[][] slots = DOUBLES.get();
        if (slots[slot].length < length) {
            slots[slot] = new double[length];
        }
        return slots[slot];
    }

    /** A float array of at least {@code length} for {@code slot} (0 to 7), for single-precision fast paths. */
    public static float[] floats(int slot, int length) {
        float[][] slots = FLOATS.get();
        if (slots[slot].length < length) {
            slots[slot] = new float[length];
        }
        return slots[slot];
    }

    private static final ThreadLocal<long[]> LONGS = ThreadLocal.withInitial(() -> new long[0]);

    /** A long array of at least {@code length}, for random bits. */
    static long[] longs(int length) {
        long[] current = LONGS.get();
        if (current.length < length) {
            current = new long[length];
            LONGS.set(current);
        }
        return current;
    }

    /** The array single-precision loads and stores into double scratch stage through. */
    static float[] staging(int length) {
        return floats(STAGING, length);
    }
}
