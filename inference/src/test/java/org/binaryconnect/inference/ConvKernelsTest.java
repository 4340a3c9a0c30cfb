package org.binaryconnect.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conv kernels compute docs/packed-model-format.md's semantics: sums over the zero-padded receptive field, the
 * max-pool on the raw sums, then the affine map (exact for a negative scale), filter-major; compared with the same
 * computation in double.
 */
class ConvKernelsTest {

    /** channels, height, width, filters, kernel, stride, SAME or VALID, pool (0 for none), pool stride. */
    private static ConvGeometry geometry(int c, int h, int w, int f, int k, int s, boolean same, int pool, int ps) {
        int outH = same ? (h + s - 1) / s : (h - k) / s + 1;
        int outW = same ? (w + s - 1) / s : (w - k) / s + 1;
        int padTop = same ? Math.max((outH - 1) * s + k - h, 0) / 2 : 0;
        int padLeft = same ? Math.max((outW - 1) * s + k - w, 0) / 2 : 0;
        int pooledH = pool == 0 ? 0 : (outH - pool) / ps + 1;
        int pooledW = pool == 0 ? 0 : (outW - pool) / ps + 1;
        return new ConvGeometry(c, h, w, f, k, s, padTop, padLeft, outH, outW, pool, ps, pooledH, pooledW);
    }

    /** The format's semantics in double; {@code weight(f, i)} is filter f's weight of input i of its field. */
    private static double[] reference(float[] x, ConvGeometry g, java.util.function.IntBinaryOperator signOrNull,
            float[] weights, float[] scale, float[] shift) {
        int fanIn = g.fanIn();
        double[][] acc = new double[g.filters][g.outHeight * g.outWidth];
        for (int f = 0; f < g.filters; f++) {
            for (int oy = 0; oy < g.outHeight; oy++) {
                for (int ox = 0; ox < g.outWidth; ox++) {
                    double sum = 0;
                    for (int c = 0; c < g.channels; c++) {
                        for (int ky = 0; ky < g.kernel; ky++) {
                            for (int kx = 0; kx < g.kernel; kx++) {
                                int iy = oy * g.stride - g.padTop + ky;
                                int ix = ox * g.stride - g.padLeft + kx;
                                double value = iy < 0 || iy >= g.height || ix < 0 || ix >= g.width ? 0
                                        : x[(c * g.height + iy) * g.width + ix];
                                int i = (c * g.kernel + ky) * g.kernel + kx;
                                double weight = signOrNull != null ? signOrNull.applyAsInt(f, i)
                                        : weights[f * fanIn + i];
                                sum += weight * value;
                            }
                        }
                    }
                    acc[f][oy * g.outWidth + ox] = sum;
                }
            }
        }
        int height = g.pool == 0 ? g.outHeight : g.pooledHeight;
        int width = g.pool == 0 ? g.outWidth : g.pooledWidth;
        double[] y = new double[g.filters * height * width];
        for (int f = 0; f < g.filters; f++) {
            for (int py = 0; py < height; py++) {
                for (int px = 0; px < width; px++) {
                    double m = Double.NEGATIVE_INFINITY;
                    int window = g.pool == 0 ? 1 : g.pool;
                    int step = g.pool == 0 ? 1 : g.poolStride;
                    for (int dy = 0; dy < window; dy++) {
                        for (int dx = 0; dx < window; dx++) {
                            m = Math.max(m, acc[f][(py * step + dy) * g.outWidth + px * step + dx]);
                        }
                    }
                    y[(f * height + py) * width + px] = scale[f] * m + shift[f];
                }
            }
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"2, 7, 6, 5, 3, 1, true, 2, 2", "3, 9, 9, 6, 5, 2, false, 0, 0", "1, 5, 5, 4, 2, 1, true, 3, 2",
        "4, 6, 5, 3, 3, 2, true, 2, 1"})
    void convKernelsComputeTheFormatsSemantics(int c, int h, int w, int f, int k, int s, boolean same, int pool,
            int ps) {
        ConvGeometry g = geometry(c, h, w, f, k, s, same, pool, ps);
        Random random = new Random(c * 1000L + h * 100L + f * 10L + k);
        int fanIn = g.fanIn();
        int words = (fanIn + 63) / 64;
        long[] bits = DenseKernelsTest.signs(random, f, fanIn);
        float[] x = DenseKernelsTest.floats(random, c * h * w);
        float[] weights = DenseKernelsTest.floats(random, f * fanIn);
        // negative scales too: the pool must act on the raw sums
        float[] scale = DenseKernelsTest.floats(random, f);
        float[] shift = DenseKernelsTest.floats(random, f);

        double[] binary = reference(x, g, (filter, i) -> (bits[filter * words + i / 64] >>> i % 64 & 1) == 1 ? 1 : -1,
                null, scale, shift);
        DenseKernelsTest.assertClose(binary, ConvKernels.binaryConv(x, g,
                ConvKernels.nibbleOffsets(bits, f, fanIn, words), scale, shift));
        DenseKernelsTest.assertClose(reference(x, g, null, weights, scale, shift),
                ConvKernels.fullPrecisionConv(x, g, weights, scale, shift));
        assertEquals(g.outputSize(), binary.length);
    }

    @ParameterizedTest
    @CsvSource({"5", "33", "64"})
    void nibbleOffsetsPointEachGroupOfFourSignsAtItsTableRow(int fanIn) {
        Random random = new Random(fanIn);
        int words = (fanIn + 63) / 64;
        long[] bits = DenseKernelsTest.signs(random, 2, fanIn);
        int groups = (fanIn + 3) / 4;
        int[] offsets = ConvKernels.nibbleOffsets(bits, 2, fanIn, words);
        int[] expected = new int[2 * groups];
        for (int f = 0; f < 2; f++) {
            for (int q = 0; q < groups; q++) {
                int nibble = 0;
                for (int b = 0; b < 4 && 4 * q + b < fanIn; b++) {
                    int i = 4 * q + b;
                    nibble |= (int) (bits[f * words + i / 64] >>> i % 64 & 1) << b;
                }
                expected[f * groups + q] = 16 * q + nibble;
            }
        }
        assertArrayEquals(expected, offsets);
    }
}
