package org.binaryconnect.inference;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The dense layer kernels for a block of samples at once, {@code x[input][sample]}: every inner loop runs over the
 * samples, which the JIT turns into SIMD instructions, and a layer's units are spread over the common fork-join
 * pool. Each sample's sums are added in exactly the order {@link DenseKernels} adds them for it alone, so its
 * scores are the same, bit for bit (docs/decisions/binary-inference-kernels.md).
 */
public final class BlockKernels {

    /**
     * The most samples {@link #scores} computes at once. Each inner loop runs over the samples, so a larger block
     * pays a loop's fixed cost over more of them; 128 keeps a block's lookup rows (256 KB) and a 1024-unit layer's
     * outputs (512 KB) within a 1 MB L2 cache.
     */
    public static final int BATCH_BLOCK = 128;

    /**
     * Batches of fewer samples are computed one sample at a time: below about 16 samples that is faster, and a JIT
     * that first compiles the block kernels on blocks of a few samples keeps loops unsuited to long blocks
     * (measured: 10,000 instead of 28,000 samples/s for batches of 100 after warming up on single samples).
     */
    public static final int MIN_BLOCK = 16;

    /** A layer's units are spread over threads only in parts of at least this many. */
    static final int UNITS_PER_THREAD = 64;

    private BlockKernels() {
    }

    /** Computes units {@code from .. to - 1} of a layer. */
    private interface UnitRange {
        void compute(int from, int to);
    }

    /**
     * The scores of every sample of {@code batch}, one row of {@code classes} per sample, bit for bit what
     * {@code sample} gives for each. Blocks of up to {@link #BATCH_BLOCK} samples go through {@code block} (which
     * takes them input-major and returns {@code [class][sample]}); a batch of fewer than {@link #MIN_BLOCK} samples
     * goes one sample at a time ({@link Predictions#oneAtATime}). Every length is checked before anything is
     * computed.
     */
    public static float[][] scores(float[][] batch, int inputSize, int classes, Function<float[], float[]> sample,
            UnaryOperator<float[][]> block) {
        if (batch.length < MIN_BLOCK) {
            return Predictions.oneAtATime(batch, inputSize, sample);
        }
        for (float[] features : batch) {
            Predictions.checkLength(features.length, inputSize, "features");
        }
        float[][] scores = new float[batch.length][];
        // blocks of equal size, so that none is smaller than MIN_BLOCK
        int blocks = (batch.length + BATCH_BLOCK - 1) / BATCH_BLOCK;
        for (int k = 0; k < blocks; k++) {
            int from = (int) ((long) batch.length * k / blocks);
            int size = (int) ((long) batch.length * (k + 1) / blocks) - from;
            float[][] blockScores = block.apply(transposed(batch, inputSize, from, size));
            for (int b = 0; b < size; b++) {
                float[] row = new float[classes];
                for (int c = 0; c < classes; c++) {
                    row[c] = blockScores[c][b];
                }
                scores[from + b] = row;
            }
        }
        return scores;
    }

    /**
     * A wide binary dense layer for a block of samples, as {@link DenseKernels#binaryDenseByLookup} computes it for
     * each: {@code [unit][sample]}, scaled and shifted, then ReLU where {@code activation} is
     * {@link PackedModelFormat#ACTIVATION_RELU}.
     */
    public static float[][] binaryDenseByLookup(float[][] x, long[] weights, int words, float[] scale,
            float[] shift, int activation) {
        float[][] y = new float[scale.length][];
        inParallel(scale.length, (from, to) -> {
            binaryDenseByLookup(x, weights, words, y, from, to);
            scaleShiftActivate(y, scale, shift, activation, from, to);
        });
        return y;
    }

    /**
     * A binary dense layer of few units for a block of samples, as {@link DenseKernels#binaryDenseBySetBits}
     * computes it for each: {@code [unit][sample]}, scaled and shifted, then the activation.
     */
    public static float[][] binaryDenseBySetBits(float[][] x, long[] weights, int words, float[] scale,
            float[] shift, int activation) {
        float[][] y = new float[scale.length][];
        inParallel(scale.length, (from, to) -> {
            binaryDenseBySetBits(x, weights, words, y, from, to);
            scaleShiftActivate(y, scale, shift, activation, from, to);
        });
        return y;
    }

    /**
     * A full-precision dense layer for a block of samples, as {@link DenseKernels#fullPrecisionDense} computes it
     * for each: {@code [unit][sample]}, scaled and shifted, then the activation.
     */
    public static float[][] fullPrecisionDense(float[][] x, float[] weights, float[] scale, float[] shift,
            int activation) {
        float[][] y = new float[scale.length][];
        inParallel(scale.length, (from, to) -> {
            fullPrecisionDense(x, weights, y, from, to);
            scaleShiftActivate(y, scale, shift, activation, from, to);
        });
        return y;
    }

    /** The affine map and the activation of units {@code from .. to - 1}, while their rows are in cache. */
    private static void scaleShiftActivate(float[][] y, float[] scale, float[] shift, int activation, int from,
            int to) {
        scaleAndShift(y, scale, shift, from, to);
        if (activation == PackedModelFormat.ACTIVATION_RELU) {
            relu(y, from, to);
        }
    }

    /**
     * Computes a layer's units in parts of at least {@link #UNITS_PER_THREAD}, one part per available processor
     * at most, on the common fork-join pool and the calling thread.
     */
    private static void inParallel(int units, UnitRange range) {
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), units / UNITS_PER_THREAD));
        if (parts == 1) {
            range.compute(0, units);
        } else {
            IntStream.range(0, parts).parallel()
                    .forEach(p -> range.compute(units * p / parts, units * (p + 1) / parts));
        }
    }

    /**
     * The features of samples {@code from .. from + size - 1} of {@code batch}, whose lengths were checked,
     * input-major: {@code x[i][b]} is feature i of sample {@code from + b}.
     */
    private static float[][] transposed(float[][] batch, int inputSize, int from, int size) {
        float[][] x = new float[inputSize][size];
        for (int b = 0; b < size; b++) {
            float[] features = batch[from + b];
            for (int i = 0; i < inputSize; i++) {
                x[i][b] = features[i];
            }
        }
        return x;
    }

    /**
     * Units {@code from .. to - 1} of a wide binary dense layer for a block of samples: {@link
     * DenseKernels#binaryDenseByLookup(float[], long[], int, float[], float[])} with the tables of every sample side
     * by side.
     * For each block of 128 inputs it builds, per group of 4 inputs, the 16 rows of signed sums over the samples;
     * each unit then adds, for each byte of its signs, the sum of the two rows its two halves select: a few
     * SIMD additions for the whole block of samples.
     */
    private static void binaryDenseByLookup(float[][] x, long[] weights, int words, float[][] y,
            int from, int to) {
        int units = y.length;
        int size = x[0].length;
        float[] zero = new float[size];
        // rows[16 * q + m]: the signed sums of group q of 4 inputs of the block for the signs m
        float[][] rows = new float[32 * 16][size];
        for (int j = from; j < to; j++) {
            y[j] = new float[size];
        }
        for (int first = 0; first < words; first += 2) {
            // the last block has one word when words is odd
            int width = Math.min(2, words - first);
            for (int q = 0; q < 16 * width; q++) {
                nibbleRows(x, 64 * first + 4 * q, rows, q << 4, zero);
            }
            int block = first * units;
            if (width == 2) {
                for (int j = from; j < to; j++) {
                    addWord(y[j], rows, 0, weights[block + 2 * j]);
                    addWord(y[j], rows, 256, weights[block + 2 * j + 1]);
                }
            } else {
                for (int j = from; j < to; j++) {
                    addWord(y[j], rows, 0, weights[block + j]);
                }
            }
        }
    }

    /**
     * Adds to {@code acc} the 8 signed sums that the bytes of {@code word} select, in byte order, from the
     * 16 groups of rows at {@code at}.
     */
    private static void addWord(float[] acc, float[][] rows, int at, long word) {
        for (int k = 0; k < 8; k += 2) {
            int group = at + (k << 5);
            long bits = word >>> (k << 3);
            addBytes(acc, rows[group + (int) (bits & 15)], rows[group + 16 + (int) (bits >>> 4 & 15)],
                    rows[group + 32 + (int) (bits >>> 8 & 15)], rows[group + 48 + (int) (bits >>> 12 & 15)]);
        }
    }

    /**
     * Adds two bytes' signed sums, each the sum of its low and its high half's: the one-sample kernel's
     * {@code acc + sums[byte 0] + sums[byte 1]}.
     */
    private static void addBytes(float[] acc, float[] low0, float[] high0, float[] low1,
            float[] high1) {
        for (int b = 0; b < acc.length; b++) {
            acc[b] = acc[b] + (low0[b] + high0[b]) + (low1[b] + high1[b]);
        }
    }

    /**
     * Fills {@code rows[at + m]}, m = 0..15, with every sample's signed sums of the 4 inputs from {@code first}, as
     * {@link DenseKernels#nibbleSums} computes them for one sample.
     */
    private static void nibbleRows(float[][] x, int first, float[][] rows, int at, float[] zero) {
        float[] x0 = inputRow(x, first, zero);
        float[] x1 = inputRow(x, first + 1, zero);
        float[] x2 = inputRow(x, first + 2, zero);
        float[] x3 = inputRow(x, first + 3, zero);
        float[] none = rows[at];
        for (int b = 0; b < none.length; b++) {
            none[b] = -((x0[b] + x1[b]) + (x2[b] + x3[b]));
        }
        addTwice(rows, at, 1, x0);
        addTwice(rows, at, 2, x1);
        addTwice(rows, at, 4, x2);
        addTwice(rows, at, 8, x3);
    }

    /**
     * {@code rows[at + half + m] = rows[at + m] + 2 * input} for m < half: the sums where the input's bit is set.
     */
    private static void addTwice(float[][] rows, int at, int half, float[] input) {
        for (int m = 0; m < half; m++) {
            float[] without = rows[at + m];
            float[] with = rows[at + half + m];
            for (int b = 0; b < with.length; b++) {
                with[b] = without[b] + 2f * input[b];
            }
        }
    }

    /**
     * Input {@code i} of every sample, or zeros past the last input.
     */
    private static float[] inputRow(float[][] x, int i, float[] zero) {
        return i < x.length ? x[i] : zero;
    }

    /**
     * Units {@code from .. to - 1} of a binary dense layer of few units for a block of samples, as {@link
     * DenseKernels#binaryDenseBySetBits(float[], long[], int, float[], float[])} computes them: each set bit adds
     * its input row.
     */
    private static void binaryDenseBySetBits(float[][] x, long[] weights, int words, float[][] y,
            int from, int to) {
        int size = x[0].length;
        float[] total = new float[size];
        for (float[] input : x) {
            for (int b = 0; b < size; b++) {
                total[b] += input[b];
            }
        }
        for (int j = from; j < to; j++) {
            float[] positive = new float[size];
            int unit = j * words;
            for (int w = 0; w < words; w++) {
                long bits = weights[unit + w];
                int first = w << 6;
                while (bits != 0) {
                    float[] input = x[first + Long.numberOfTrailingZeros(bits)];
                    for (int b = 0; b < size; b++) {
                        positive[b] += input[b];
                    }
                    bits &= bits - 1;
                }
            }
            for (int b = 0; b < size; b++) {
                positive[b] = 2f * positive[b] - total[b];
            }
            y[j] = positive;
        }
    }

    /**
     * Units {@code from .. to - 1} of a full-precision dense layer for a block of samples, as {@link
     * DenseKernels#fullPrecisionDense(float[], float[], float[], float[])} computes them.
     */
    private static void fullPrecisionDense(float[][] x, float[] weights, float[][] y, int from,
            int to) {
        int size = x[0].length;
        for (int j = from; j < to; j++) {
            float[] acc = new float[size];
            int unit = j * x.length;
            for (int i = 0; i < x.length; i++) {
                float weight = weights[unit + i];
                float[] input = x[i];
                for (int b = 0; b < size; b++) {
                    acc[b] += weight * input[b];
                }
            }
            y[j] = acc;
        }
    }

    /**
     * ReLU of units {@code from .. to - 1} of a block of samples.
     */
    private static void relu(float[][] y, int from, int to) {
        for (int j = from; j < to; j++) {
            float[] row = y[j];
            for (int b = 0; b < row.length; b++) {
                row[b] = Math.max(row[b], 0f);
            }
        }
    }

    /**
     * {@code y[j][b] = scale[j] * y[j][b] + shift[j]} for units {@code from .. to - 1}.
     */
    private static void scaleAndShift(float[][] y, float[] scale, float[] shift, int from, int to) {
        for (int j = from; j < to; j++) {
            float[] row = y[j];
            float s = scale[j];
            float t = shift[j];
            for (int b = 0; b < row.length; b++) {
                row[b] = s * row[b] + t;
            }
        }
    }
}
