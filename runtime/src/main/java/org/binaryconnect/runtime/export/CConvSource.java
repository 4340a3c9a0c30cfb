package org.binaryconnect.runtime.export;

import java.util.List;
import java.util.Locale;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

/**
 * The conv layers' part of the C file {@link CSource} writes: each layer's geometry array, the two conv kernels and
 * the sizes of the scratch buffers they share. The kernels compute what the generated Java's conv kernels compute,
 * operation for operation in float, so that the C and the Java predict alike: for each output position the
 * receptive field, zero outside the image; for a binary layer a table of the 16 signed sums of each group of 4
 * inputs and one table entry per 4 sign bits of a filter (additions only); then the max-pool of the raw sums, and
 * the per-filter scale and shift after it (docs/packed-model-format.md).
 */
final class CConvSource {

    /** The geometry fields in file order; {@code G_POOL} is 0 without a pool. */
    static final String GEOMETRY_NAMES = "G_CHANNELS, G_HEIGHT, G_WIDTH, G_FILTERS, G_KERNEL, G_STRIDE, G_PAD_TOP,"
            + " G_PAD_LEFT, G_OUT_HEIGHT, G_OUT_WIDTH, G_POOL, G_POOL_STRIDE, G_POOLED_HEIGHT, G_POOLED_WIDTH";

    private CConvSource() {
    }

    /** The 14 geometry values of a conv layer, in the order of the file and of {@link #GEOMETRY_NAMES}. */
    static int[] geometry(PackedLayer layer) {
        ConvShape c = layer.convolution().orElseThrow();
        PoolShape p = layer.pool().orElse(null);
        return new int[] {c.channels(), c.height(), c.width(), c.filters(), c.kernel(), c.stride(), c.padTop(),
                c.padLeft(), c.outHeight(), c.outWidth(), p == null ? 0 : p.size(), p == null ? 0 : p.stride(),
                p == null ? 0 : p.outHeight(), p == null ? 0 : p.outWidth()};
    }

    /** Groups of 4 inputs in a receptive field: the padded field is {@code 4 * groups} floats. */
    static int groups(PackedLayer layer) {
        return (layer.inputs() + 3) / 4;
    }

    /** A layer's description for the comment above its arrays. */
    static String describe(PackedLayer layer) {
        ConvShape c = layer.convolution().orElseThrow();
        String text = (layer.binary() ? "binary H=" + layer.h() : "full-precision") + " conv " + c.channels() + "x"
                + c.height() + "x" + c.width() + " -> " + c.filters() + "x" + c.outHeight() + "x" + c.outWidth()
                + " (" + c.kernel() + "x" + c.kernel() + " stride " + c.stride() + ", padding " + c.padTop() + " top "
                + c.padLeft() + " left)";
        if (layer.pool().isPresent()) {
            PoolShape p = layer.pool().get();
            text += ", max-pool " + p.size() + " stride " + p.stride() + " -> " + p.channels() + "x" + p.outHeight()
                    + "x" + p.outWidth();
        }
        return text + ", " + layer.activation().name().toLowerCase(Locale.ROOT);
    }

    /** The geometry array of layer {@code prefix}. */
    static String geometryArray(String prefix, PackedLayer layer) {
        StringBuilder text = new StringBuilder("static const int " + prefix + "_GEOMETRY[14] = {");
        int[] values = geometry(layer);
        for (int k = 0; k < values.length; k++) {
            text.append(k == 0 ? "" : ", ").append(values[k]);
        }
        return text.append("};\n").toString();
    }

    /** Floats of the receptive-field scratch buffer: the widest padded field. */
    static int patchSize(List<PackedLayer> layers) {
        return layers.stream().filter(PackedLayer::isConv).mapToInt(l -> 4 * groups(l)).max().orElse(0);
    }

    /** Floats of the lookup-table scratch buffer: 16 per group of 4 inputs of the widest binary field. */
    static int tableSize(List<PackedLayer> layers) {
        return layers.stream().filter(l -> l.isConv() && l.binary()).mapToInt(l -> 16 * groups(l)).max().orElse(0);
    }

    /** Floats of the raw sums before the pool: filters times output positions of the largest conv layer. */
    static int sumsSize(List<PackedLayer> layers) {
        return layers.stream().filter(PackedLayer::isConv)
                .mapToInt(l -> l.convolution().orElseThrow().outputSize()).max().orElse(0);
    }

    /** The call of layer {@code prefix} from {@code in} into {@code out}. */
    static String call(String prefix, PackedLayer layer, String in, String out) {
        return layer.binary()
                ? "binary_conv(" + in + ", " + prefix + "_GEOMETRY, " + prefix + "_BITS, " + prefix + "_SCALE, "
                        + prefix + "_SHIFT, " + layer.activationCode() + ", patch, table, sums, " + out + ");"
                : "full_conv(" + in + ", " + prefix + "_GEOMETRY, " + prefix + "_WEIGHTS, " + prefix + "_SCALE, "
                        + prefix + "_SHIFT, " + layer.activationCode() + ", patch, sums, " + out + ");";
    }

    /** The helpers both conv kernels use. */
    static String common() {
        return String.join("\n",
                "enum { " + GEOMETRY_NAMES + " };",
                "",
                "/* The receptive field of output (oy, ox): its inputs in the order channel, kernel row, kernel column,",
                "   0 outside the image, then 0 up to a multiple of 4. */",
                "static void receptive_field(const float *x, const int *g, int oy, int ox, float *patch) {",
                "    int c, ky, kx;",
                "    int i = 0;",
                "    for (c = 0; c < g[G_CHANNELS]; c++) {",
                "        for (ky = 0; ky < g[G_KERNEL]; ky++) {",
                "            int iy = oy * g[G_STRIDE] - g[G_PAD_TOP] + ky;",
                "            for (kx = 0; kx < g[G_KERNEL]; kx++) {",
                "                int ix = ox * g[G_STRIDE] - g[G_PAD_LEFT] + kx;",
                "                patch[i++] = iy >= 0 && iy < g[G_HEIGHT] && ix >= 0 && ix < g[G_WIDTH]",
                "                        ? x[(c * g[G_HEIGHT] + iy) * g[G_WIDTH] + ix] : 0.0f;",
                "            }",
                "        }",
                "    }",
                "    while (i % 4 != 0) {",
                "        patch[i++] = 0.0f;",
                "    }",
                "}",
                "",
                "/* y = act(scale_f * s + shift_f) per filter f, s the max of each pool window of the raw sums (filter-",
                "   major, outHeight x outWidth each), or each raw sum without a pool. */",
                "static void pool_scale_shift(const float *sums, const int *g, const float *scale, const float *shift,",
                "        int relu, float *y) {",
                "    int plane = g[G_OUT_HEIGHT] * g[G_OUT_WIDTH];",
                "    int pool = g[G_POOL];",
                "    int height = pool == 0 ? g[G_OUT_HEIGHT] : g[G_POOLED_HEIGHT];",
                "    int width = pool == 0 ? g[G_OUT_WIDTH] : g[G_POOLED_WIDTH];",
                "    int step = pool == 0 ? 1 : g[G_POOL_STRIDE];",
                "    int window = pool == 0 ? 1 : pool;",
                "    int f, py, px, dy, dx;",
                "    for (f = 0; f < g[G_FILTERS]; f++) {",
                "        const float *s = sums + (long) f * plane;",
                "        for (py = 0; py < height; py++) {",
                "            for (px = 0; px < width; px++) {",
                "                float m = s[py * step * g[G_OUT_WIDTH] + px * step];",
                "                float v;",
                "                for (dy = 0; dy < window; dy++) {",
                "                    for (dx = 0; dx < window; dx++) {",
                "                        float candidate = s[(py * step + dy) * g[G_OUT_WIDTH] + px * step + dx];",
                "                        if (candidate > m) {",
                "                            m = candidate;",
                "                        }",
                "                    }",
                "                }",
                "                v = scale[f] * m + shift[f];",
                "                y[((long) f * height + py) * width + px] = relu && v < 0.0f ? 0.0f : v;",
                "            }",
                "        }",
                "    }",
                "}",
                "");
    }

    /** The binary conv kernel: additions only. */
    static String binaryKernel() {
        return String.join("\n",
                "/* A binary conv layer without multiplications: at each output position, a table of the 16 signed",
                "   sums of each group of 4 inputs of the receptive field (all negative, then each set bit adds twice",
                "   its input), then per filter one table entry per 4 sign bits. patch, table and sums are scratch. */",
                "static void binary_conv(const float *x, const int *g, const uint64_t *bits, const float *scale,",
                "        const float *shift, int relu, float *patch, float *table, float *sums, float *y) {",
                "    int fan_in = g[G_CHANNELS] * g[G_KERNEL] * g[G_KERNEL];",
                "    int groups = (fan_in + 3) / 4;",
                "    int words = (fan_in + 63) / 64;",
                "    int plane = g[G_OUT_HEIGHT] * g[G_OUT_WIDTH];",
                "    int filters = g[G_FILTERS];",
                "    int in_fours = filters - filters % 4;",
                "    int oy, ox, q, bit, m, f;",
                "    for (oy = 0; oy < g[G_OUT_HEIGHT]; oy++) {",
                "        for (ox = 0; ox < g[G_OUT_WIDTH]; ox++) {",
                "            receptive_field(x, g, oy, ox, patch);",
                "            for (q = 0; q < groups; q++) {",
                "                const float *p = patch + 4 * q;",
                "                float *t = table + 16 * q;",
                "                t[0] = -((p[0] + p[1]) + (p[2] + p[3]));",
                "                for (bit = 0; bit < 4; bit++) {",
                "                    int half = 1 << bit;",
                "                    float twice = 2.0f * p[bit];",
                "                    for (m = 0; m < half; m++) {",
                "                        t[half + m] = t[m] + twice;",
                "                    }",
                "                }",
                "            }",
                "            /* four filters at a time: four independent chains of additions, each filter's in order */",
                "            for (f = 0; f < in_fours; f += 4) {",
                "                const uint64_t *w0 = bits + (long) f * words;",
                "                const uint64_t *w1 = w0 + words;",
                "                const uint64_t *w2 = w1 + words;",
                "                const uint64_t *w3 = w2 + words;",
                "                float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;",
                "                for (q = 0; q < groups; q++) {",
                "                    const float *t = table + 16 * q;",
                "                    int word = q >> 4;",
                "                    int shift = 4 * (q & 15);",
                "                    s0 += t[(int) (w0[word] >> shift & 0xf)];",
                "                    s1 += t[(int) (w1[word] >> shift & 0xf)];",
                "                    s2 += t[(int) (w2[word] >> shift & 0xf)];",
                "                    s3 += t[(int) (w3[word] >> shift & 0xf)];",
                "                }",
                "                sums[(long) f * plane + oy * g[G_OUT_WIDTH] + ox] = s0;",
                "                sums[(long) (f + 1) * plane + oy * g[G_OUT_WIDTH] + ox] = s1;",
                "                sums[(long) (f + 2) * plane + oy * g[G_OUT_WIDTH] + ox] = s2;",
                "                sums[(long) (f + 3) * plane + oy * g[G_OUT_WIDTH] + ox] = s3;",
                "            }",
                "            for (f = in_fours; f < filters; f++) {",
                "                const uint64_t *w = bits + (long) f * words;",
                "                float sum = 0.0f;",
                "                for (q = 0; q < groups; q++) {",
                "                    sum += table[16 * q + (int) (w[q >> 4] >> (4 * (q & 15)) & 0xf)];",
                "                }",
                "                sums[(long) f * plane + oy * g[G_OUT_WIDTH] + ox] = sum;",
                "            }",
                "        }",
                "    }",
                "    pool_scale_shift(sums, g, scale, shift, relu, y);",
                "}",
                "");
    }

    /** The full-precision conv kernel: a float dot product per filter and position. */
    static String fullPrecisionKernel() {
        return String.join("\n",
                "/* A full-precision conv layer: per output position and filter, the float dot product of the filter's",
                "   weights (channel, kernel row, kernel column) with the receptive field. patch and sums are scratch. */",
                "static void full_conv(const float *x, const int *g, const float *weights, const float *scale,",
                "        const float *shift, int relu, float *patch, float *sums, float *y) {",
                "    int fan_in = g[G_CHANNELS] * g[G_KERNEL] * g[G_KERNEL];",
                "    int plane = g[G_OUT_HEIGHT] * g[G_OUT_WIDTH];",
                "    int oy, ox, f, i;",
                "    for (oy = 0; oy < g[G_OUT_HEIGHT]; oy++) {",
                "        for (ox = 0; ox < g[G_OUT_WIDTH]; ox++) {",
                "            receptive_field(x, g, oy, ox, patch);",
                "            for (f = 0; f < g[G_FILTERS]; f++) {",
                "                const float *w = weights + (long) f * fan_in;",
                "                float sum = 0.0f;",
                "                for (i = 0; i < fan_in; i++) {",
                "                    sum += w[i] * patch[i];",
                "                }",
                "                sums[(long) f * plane + oy * g[G_OUT_WIDTH] + ox] = sum;",
                "            }",
                "        }",
                "    }",
                "    pool_scale_shift(sums, g, scale, shift, relu, y);",
                "}",
                "");
    }
}
