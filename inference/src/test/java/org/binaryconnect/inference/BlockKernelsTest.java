package org.binaryconnect.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sample of a block gets, bit for bit, what the one-sample kernels give it alone: the batch API's promise
 * (docs/decisions/binary-inference-kernels.md).
 */
class BlockKernelsTest {

    private static final int RELU = PackedModelFormat.ACTIVATION_RELU;
    private static final int IDENTITY = PackedModelFormat.ACTIVATION_IDENTITY;

    private static float[][] inputMajor(float[][] samples) {
        float[][] x = new float[samples[0].length][samples.length];
        for (int b = 0; b < samples.length; b++) {
            for (int i = 0; i < samples[b].length; i++) {
                x[i][b] = samples[b][i];
            }
        }
        return x;
    }

    private static void assertSameBits(float[] expected, float[][] block, int sample) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(block[j][sample]),
                    "unit " + j + " of sample " + sample);
        }
    }

    @ParameterizedTest
    @CsvSource({"130, 70, 16", "200, 130, 33", "64, 5, 128", "1, 3, 17"})
    void blockKernelsGiveEachSampleItsOneSampleScores(int inputs, int units, int size) {
        Random random = new Random(inputs + 7L * units + size);
        int words = (inputs + 63) / 64;
        long[] bits = DenseKernelsTest.signs(random, units, inputs);
        long[] blocked = DenseKernels.blockMajor(bits, units, words);
        float[] weights = DenseKernelsTest.floats(random, inputs * units);
        float[] scale = DenseKernelsTest.floats(random, units);
        float[] shift = DenseKernelsTest.floats(random, units);
        float[][] samples = new float[size][];
        for (int b = 0; b < size; b++) {
            samples[b] = DenseKernelsTest.floats(random, inputs);
        }
        float[][] x = inputMajor(samples);
        float[][] lookup = BlockKernels.binaryDenseByLookup(x, blocked, words, scale, shift, RELU);
        float[][] setBits = BlockKernels.binaryDenseBySetBits(x, bits, words, scale, shift, IDENTITY);
        float[][] full = BlockKernels.fullPrecisionDense(x, weights, scale, shift, RELU);
        for (int b = 0; b < size; b++) {
            assertSameBits(DenseKernels.relu(DenseKernels.binaryDenseByLookup(samples[b], blocked, words, scale,
                    shift)), lookup, b);
            assertSameBits(DenseKernels.binaryDenseBySetBits(samples[b], bits, words, scale, shift), setBits, b);
            assertSameBits(DenseKernels.relu(DenseKernels.fullPrecisionDense(samples[b], weights, scale, shift)), full,
                    b);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 129, 300})
    void scoresCutsABatchIntoBlocksAndGivesEverySampleItsOwnScores(int batch) {
        Random random = new Random(batch);
        int inputs = 100;
        int units = 80;
        int classes = 4;
        int words = 2;
        long[] hidden = DenseKernels.blockMajor(DenseKernelsTest.signs(random, units, inputs), units, words);
        long[] output = DenseKernelsTest.signs(random, classes, units);
        float[] scale = DenseKernelsTest.floats(random, units);
        float[] shift = DenseKernelsTest.floats(random, units);
        float[] outScale = DenseKernelsTest.floats(random, classes);
        float[] outShift = DenseKernelsTest.floats(random, classes);
        java.util.function.Function<float[], float[]> one = x -> DenseKernels.binaryDenseBySetBits(
                DenseKernels.relu(DenseKernels.binaryDenseByLookup(x, hidden, words, scale, shift)), output, words,
                outScale, outShift);
        java.util.function.UnaryOperator<float[][]> block = x -> BlockKernels.binaryDenseBySetBits(
                BlockKernels.binaryDenseByLookup(x, hidden, words, scale, shift, RELU), output, words, outScale,
                outShift, IDENTITY);
        float[][] samples = new float[batch][];
        for (int b = 0; b < batch; b++) {
            samples[b] = DenseKernelsTest.floats(random, inputs);
        }
        float[][] scores = BlockKernels.scores(samples, inputs, classes, one, block);
        assertEquals(batch, scores.length);
        for (int b = 0; b < batch; b++) {
            float[] alone = one.apply(samples[b]);
            for (int c = 0; c < classes; c++) {
                assertEquals(Float.floatToRawIntBits(alone[c]), Float.floatToRawIntBits(scores[b][c]));
            }
        }
    }

    @Test
    void scoresChecksEveryLengthBeforeComputing() {
        float[][] batch = new float[20][3];
        batch[19] = new float[4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockKernels.scores(batch,
                3, 2, x -> {
                    throw new AssertionError("computed before checking");
                }, x -> {
                    throw new AssertionError("computed before checking");
                }));
        assertEquals("expected 3 features, got 4", e.getMessage());
    }
}
