package org.binaryconnect.inference;

/**
 * The conv layer kernels for one sample: a binary conv layer by tables of signed sums (no multiplications), a
 * full-precision one by float dot products, each with its max-pool and then the layer's folded scale and shift
 * (docs/packed-model-format.md: pooling the raw sums first is exact for either sign of the scale). Inputs and
 * outputs are channel-major, {@code channels x height x width}, as the training network holds them.
 */
public final class ConvKernels {

    private ConvKernels() {
    }


    /**
     * Fills {@code patch} with the receptive field of output {@code (oy, ox)}: its inputs in the order channel,
     * kernel row, kernel column (the order of a filter's weights), 0 outside the image, then 0 to the end.
     */
    static void receptiveField(float[] x, ConvGeometry g, int oy, int ox, float[] patch) {
        int channels = g.channels;
        int height = g.height;
        int width = g.width;
        int kernel = g.kernel;
        int stride = g.stride;
        int padTop = g.padTop;
        int padLeft = g.padLeft;
        int i = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                int iy = oy * stride - padTop + ky;
                for (int kx = 0; kx < kernel; kx++) {
                    int ix = ox * stride - padLeft + kx;
                    patch[i++] = iy >= 0 && iy < height && ix >= 0 && ix < width
                            ? x[(c * height + iy) * width + ix] : 0f;
                }
            }
        }
        while (i < patch.length) {
            patch[i++] = 0f;
        }
    }

    /**
     * {@code scale[f] * s + shift[f]} for each filter f, s the max of each pool window of the raw sums
     * (filter-major, outHeight x outWidth each), or each raw sum without a pool. Pooling before the affine
     * map is exact for either sign of scale; the output is filter-major, as the next layer reads it.
     */
    static float[] poolScaleShift(float[] sums, ConvGeometry g, float[] scale, float[] shift) {
        int filters = g.filters;
        int outHeight = g.outHeight;
        int outWidth = g.outWidth;
        int pool = g.pool;
        int poolStride = g.poolStride;
        int pooledHeight = g.pooledHeight;
        int pooledWidth = g.pooledWidth;
        int plane = outHeight * outWidth;
        int height = pool == 0 ? outHeight : pooledHeight;
        int width = pool == 0 ? outWidth : pooledWidth;
        int step = pool == 0 ? 1 : poolStride;
        int window = pool == 0 ? 1 : pool;
        float[] y = new float[filters * height * width];
        for (int f = 0; f < filters; f++) {
            int s = f * plane;
            for (int py = 0; py < height; py++) {
                for (int px = 0; px < width; px++) {
                    float m = sums[s + py * step * outWidth + px * step];
                    for (int dy = 0; dy < window; dy++) {
                        for (int dx = 0; dx < window; dx++) {
                            float candidate = sums[s + (py * step + dy) * outWidth + px * step + dx];
                            if (candidate > m) {
                                m = candidate;
                            }
                        }
                    }
                    y[(f * height + py) * width + px] = scale[f] * m + shift[f];
                }
            }
        }
        return y;
    }

    /**
     * A binary conv layer without multiplications. At each output position: the table of the 16 signed sums
     * of each group of 4 inputs of the receptive field (all negative, then each set bit adds twice its input),
     * then per filter one table entry per 4 sign bits, at the offsets {@link #nibbleOffsets} precomputed.
     */
    public static float[] binaryConv(float[] x, ConvGeometry g, int[] offsets, float[] scale, float[] shift) {
        int channels = g.channels;
        int filters = g.filters;
        int kernel = g.kernel;
        int outHeight = g.outHeight;
        int outWidth = g.outWidth;
        int groups = (channels * kernel * kernel + 3) / 4;
        int plane = outHeight * outWidth;
        float[] patch = new float[4 * groups];
        float[] table = new float[16 * groups];
        float[] sums = new float[filters * plane];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                receptiveField(x, g, oy, ox, patch);
                for (int q = 0; q < groups; q++) {
                    int p = 4 * q;
                    int t = 16 * q;
                    table[t] = -((patch[p] + patch[p + 1]) + (patch[p + 2] + patch[p + 3]));
                    for (int bit = 0; bit < 4; bit++) {
                        int half = 1 << bit;
                        float twice = 2f * patch[p + bit];
                        for (int m = 0; m < half; m++) {
                            table[t + half + m] = table[t + m] + twice;
                        }
                    }
                }
                int position = oy * outWidth + ox;
                int f = 0;
                // four filters at a time: four independent chains of additions, each filter's in order
                for (; f + 4 <= filters; f += 4) {
                    float s0 = 0f;
                    float s1 = 0f;
                    float s2 = 0f;
                    float s3 = 0f;
                    int row = f * groups;
                    for (int q = 0; q < groups; q++) {
                        s0 += table[offsets[row + q]];
                        s1 += table[offsets[row + groups + q]];
                        s2 += table[offsets[row + 2 * groups + q]];
                        s3 += table[offsets[row + 3 * groups + q]];
                    }
                    sums[f * plane + position] = s0;
                    sums[(f + 1) * plane + position] = s1;
                    sums[(f + 2) * plane + position] = s2;
                    sums[(f + 3) * plane + position] = s3;
                }
                for (; f < filters; f++) {
                    float sum = 0f;
                    int row = f * groups;
                    for (int q = 0; q < groups; q++) {
                        sum += table[offsets[row + q]];
                    }
                    sums[f * plane + position] = sum;
                }
            }
        }
        return poolScaleShift(sums, g, scale, shift);
    }

    /**
     * Each filter's sign bits as table offsets: for group q of 4 inputs, {@code 16 * q} plus the group's 4 bits,
     * {@code (fanIn + 3) / 4} offsets per filter. A 64-bit word holds 16 whole groups.
     */
    public static int[] nibbleOffsets(long[] bits, int filters, int fanIn, int words) {
        int groups = (fanIn + 3) / 4;
        int[] offsets = new int[filters * groups];
        for (int f = 0; f < filters; f++) {
            for (int q = 0; q < groups; q++) {
                offsets[f * groups + q] = 16 * q + (int) (bits[f * words + q / 16] >>> 4 * (q % 16) & 0xf);
            }
        }
        return offsets;
    }


    /**
     * A full-precision conv layer: per output position and filter, the float dot product of the filter's
     * weights (channel, kernel row, kernel column) with the receptive field.
     */
    public static float[] fullPrecisionConv(float[] x, ConvGeometry g, float[] weights, float[] scale, float[] shift) {
        int channels = g.channels;
        int filters = g.filters;
        int kernel = g.kernel;
        int outHeight = g.outHeight;
        int outWidth = g.outWidth;
        int fanIn = channels * kernel * kernel;
        int plane = outHeight * outWidth;
        float[] patch = new float[(fanIn + 3) / 4 * 4];
        float[] sums = new float[filters * plane];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                receptiveField(x, g, oy, ox, patch);
                int position = oy * outWidth + ox;
                for (int f = 0; f < filters; f++) {
                    float sum = 0f;
                    int row = f * fanIn;
                    for (int i = 0; i < fanIn; i++) {
                        sum += weights[row + i] * patch[i];
                    }
                    sums[f * plane + position] = sum;
                }
            }
        }
        return poolScaleShift(sums, g, scale, shift);
    }
}
