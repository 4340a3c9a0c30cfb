package org.binaryconnect.inference;

/**
 * The dense layer kernels for one sample: binary layers by their set bits or by lookup tables of signed sums (no
 * multiplications), full-precision layers by float dot products, each followed by the layer's folded scale and
 * shift; and ReLU. A generated inference class calls them layer by layer. Every sum is added in a fixed order, so
 * results are the same on every JVM; {@link BlockKernels} computes the same sums for many samples at once.
 */
public final class DenseKernels {

    private DenseKernels() {
    }

    /**
     * A binary dense layer of few units, without multiplications. With s = +1 where a bit is set and -1 where
     * not, {@code sum_i s_i x_i = 2 * (sum of x_i over set bits) - sum_i x_i}, so each unit only adds the
     * inputs of its set bits. Walking the set bits measured faster than selecting every bit without branches.
     * {@code weights}: {@code words} longs per unit, unit-major, bit {@code i % 64} of word {@code i / 64} set where
     * the weight of input i is +H (what {@link PackedModelReader#bits} returns). Returns
     * {@code scale[j] * sum_j + shift[j]} for every unit j.
     */
    public static float[] binaryDenseBySetBits(float[] x, long[] weights, int words, float[] scale, float[] shift) {
        float total = 0f;
        for (float value : x) {
            total += value;
        }
        float[] y = new float[scale.length];
        for (int j = 0; j < y.length; j++) {
            float positive = 0f;
            int unit = j * words;
            for (int w = 0; w < words; w++) {
                long bits = weights[unit + w];
                int first = w << 6;
                while (bits != 0) {
                    positive += x[first + Long.numberOfTrailingZeros(bits)];
                    // clears the lowest set bit
                    bits &= bits - 1;
                }
            }
            y[j] = scale[j] * (2f * positive - total) + shift[j];
        }
        return y;
    }

    /**
     * A binary dense layer of many units, without multiplications. For each block of 128 inputs it builds the
     * 16 tables of 256 signed sums of their groups of 8 inputs, then adds to every unit the 16 entries its
     * 16 bytes of signs select: one addition where selecting a sign per input takes 8. {@code weights}: the sign
     * words in the order of {@link #blockMajor}. Returns {@code scale[j] * sum_j + shift[j]} for every unit j.
     */
    public static float[] binaryDenseByLookup(float[] x, long[] weights, int words, float[] scale, float[] shift) {
        int units = scale.length;
        float[] acc = new float[units];
        // sums[g * 256 + m]: the signed sum of group g of the block for the signs m
        float[] sums = new float[16 * 256];
        float[] low = new float[16];
        float[] high = new float[16];
        for (int first = 0; first < words; first += 2) {
            // the last block has one word when words is odd
            int width = Math.min(2, words - first);
            for (int g = 0; g < 8 * width; g++) {
                signedSums(x, 64 * first + 8 * g, sums, g << 8, low, high);
            }
            int block = first * units;
            if (width == 2) {
                for (int j = 0; j < units; j++) {
                    acc[j] = addLookups(addLookups(acc[j], sums, 0, weights[block + 2 * j]), sums, 2048,
                            weights[block + 2 * j + 1]);
                }
            } else {
                for (int j = 0; j < units; j++) {
                    acc[j] = addLookups(acc[j], sums, 0, weights[block + j]);
                }
            }
        }
        for (int j = 0; j < units; j++) {
            acc[j] = scale[j] * acc[j] + shift[j];
        }
        return acc;
    }

    /**
     * {@code acc} plus the 8 table entries that the 8 bytes of {@code word} select from the 8 tables at
     * {@code table}, added one after the other in byte order: the order the batch kernel adds them in too.
     */
    static float addLookups(float acc, float[] sums, int table, long word) {
        return acc + sums[table + (int) (word & 0xff)] + sums[table + 256 + (int) (word >>> 8 & 0xff)]
                + sums[table + 512 + (int) (word >>> 16 & 0xff)] + sums[table + 768 + (int) (word >>> 24 & 0xff)]
                + sums[table + 1024 + (int) (word >>> 32 & 0xff)] + sums[table + 1280 + (int) (word >>> 40 & 0xff)]
                + sums[table + 1536 + (int) (word >>> 48 & 0xff)] + sums[table + 1792 + (int) (word >>> 56)];
    }

    /**
     * Fills {@code sums[at + m]}, m = 0..255, with the sum over b = 0..7 of {@code x[first + b]} where bit b of m is
     * set and {@code -x[first + b]} where it is not: every entry is one addition of a sum of the low 4 inputs and
     * one of the high 4, 16 of each.
     */
    private static void signedSums(float[] x, int first, float[] sums, int at, float[] low, float[] high) {
        nibbleSums(x, first, low);
        nibbleSums(x, first + 4, high);
        for (int h = 0; h < 16; h++) {
            float highSum = high[h];
            int row = at + (h << 4);
            for (int l = 0; l < 16; l++) {
                sums[row + l] = low[l] + highSum;
            }
        }
    }

    /**
     * The 16 signed sums of the 4 inputs from {@code first}: all negative, then each set bit adds twice its input.
     */
    static void nibbleSums(float[] x, int first, float[] sums) {
        sums[0] = -((input(x, first) + input(x, first + 1)) + (input(x, first + 2) + input(x, first + 3)));
        for (int bit = 0; bit < 4; bit++) {
            int half = 1 << bit;
            float twice = 2f * input(x, first + bit);
            for (int m = 0; m < half; m++) {
                sums[half + m] = sums[m] + twice;
            }
        }
    }

    /**
     * Input {@code i}, or 0 past the last input: the padding of a unit's last word adds nothing.
     */
    private static float input(float[] x, int i) {
        return i < x.length ? x[i] : 0f;
    }

    /**
     * Reorders unit-major sign words into the order {@link #binaryDenseByLookup} reads them: block k holds, unit
     * after unit, words 2k and 2k + 1 of each (only 2k in a last block of one word).
     */
    public static long[] blockMajor(long[] unitMajor, int units, int words) {
        long[] blocked = new long[unitMajor.length];
        for (int first = 0; first < words; first += 2) {
            int width = Math.min(2, words - first);
            for (int j = 0; j < units; j++) {
                for (int k = 0; k < width; k++) {
                    blocked[first * units + j * width + k] = unitMajor[j * words + first + k];
                }
            }
        }
        return blocked;
    }

    /**
     * A full-precision dense layer: a float dot product per unit over its unit-major weights (those of unit j start
     * at {@code j * x.length}), then {@code scale[j] * sum_j + shift[j]}.
     */
    public static float[] fullPrecisionDense(float[] x, float[] weights, float[] scale, float[] shift) {
        float[] y = new float[scale.length];
        for (int j = 0; j < y.length; j++) {
            float acc = 0f;
            int unit = j * x.length;
            for (int i = 0; i < x.length; i++) {
                acc += weights[unit + i] * x[i];
            }
            y[j] = scale[j] * acc + shift[j];
        }
        return y;
    }

    /** ReLU in place, of any layer's output (dense or conv); returns {@code y}. */
    public static float[] relu(float[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.max(y[j], 0f);
        }
        return y;
    }
}
