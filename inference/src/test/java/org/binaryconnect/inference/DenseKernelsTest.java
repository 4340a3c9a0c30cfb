package org.binaryconnect.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-sample dense kernels compute the format's semantics (docs/packed-model-format.md): for each unit,
 * {@code scale * sum_i s_i x_i + shift} with {@code s_i = +-1} from the sign bits, or the float weights; compared
 * with the same sums in double, for input counts that leave padding bits and odd blocks of words.
 */
class DenseKernelsTest {

    static final double TOLERANCE = 1e-4;

    /** Random sign words, unit-major, {@code (inputs + 63) / 64} per unit, padding bits 0. */
    static long[] signs(Random random, int units, int inputs) {
        int words = (inputs + 63) / 64;
        long[] bits = new long[units * words];
        for (int j = 0; j < units; j++) {
            for (int i = 0; i < inputs; i++) {
                if (random.nextBoolean()) {
                    bits[j * words + i / 64] |= 1L << i % 64;
                }
            }
        }
        return bits;
    }

    static float[] floats(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }

    /** {@code scale[j] * sum_i s_ij x_i + shift[j]} in double. */
    static double[] binaryReference(float[] x, long[] bits, int words, float[] scale, float[] shift) {
        double[] y = new double[scale.length];
        for (int j = 0; j < y.length; j++) {
            double acc = 0;
            for (int i = 0; i < x.length; i++) {
                acc += (bits[j * words + i / 64] >>> i % 64 & 1) == 1 ? x[i] : -x[i];
            }
            y[j] = scale[j] * acc + shift[j];
        }
        return y;
    }

    static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], TOLERANCE * (1 + Math.abs(expected[j])), "unit " + j);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 3", "64, 5", "130, 7", "200, 70", "129, 64"})
    void binaryKernelsComputeTheSignedSums(int inputs, int units) {
        Random random = new Random(inputs * 31L + units);
        int words = (inputs + 63) / 64;
        long[] bits = signs(random, units, inputs);
        float[] x = floats(random, inputs);
        float[] scale = floats(random, units);
        float[] shift = floats(random, units);
        double[] expected = binaryReference(x, bits, words, scale, shift);

        assertClose(expected, DenseKernels.binaryDenseBySetBits(x, bits, words, scale, shift));
        assertClose(expected, DenseKernels.binaryDenseByLookup(x, DenseKernels.blockMajor(bits, units, words), words,
                scale, shift));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "17, 9"})
    void fullPrecisionDenseAddsInInputOrder(int inputs, int units) {
        Random random = new Random(inputs);
        float[] x = floats(random, inputs);
        float[] weights = floats(random, inputs * units);
        float[] scale = floats(random, units);
        float[] shift = floats(random, units);
        float[] expected = new float[units];
        for (int j = 0; j < units; j++) {
            float acc = 0f;
            for (int i = 0; i < inputs; i++) {
                acc += weights[j * inputs + i] * x[i];
            }
            expected[j] = scale[j] * acc + shift[j];
        }
        assertArrayEquals(expected, DenseKernels.fullPrecisionDense(x, weights, scale, shift));
    }

    @ParameterizedTest
    @CsvSource({"3, 2", "3, 3", "2, 5"})
    void blockMajorPutsWordPairsOfEveryUnitTogether(int units, int words) {
        long[] unitMajor = new long[units * words];
        for (int k = 0; k < unitMajor.length; k++) {
            unitMajor[k] = k;
        }
        long[] blocked = DenseKernels.blockMajor(unitMajor, units, words);
        int k = 0;
        for (int first = 0; first < words; first += 2) {
            for (int j = 0; j < units; j++) {
                for (int w = first; w < Math.min(first + 2, words); w++) {
                    assertEquals(j * words + w, blocked[k++]);
                }
            }
        }
        assertEquals(unitMajor.length, k);
    }

    @ParameterizedTest
    @CsvSource({"-1.5, 0", "0, 0", "2.5, 2.5"})
    void reluClampsInPlace(float value, float expected) {
        float[] y = {value};
        assertEquals(y, DenseKernels.relu(y));
        assertEquals(expected, y[0]);
    }
}
