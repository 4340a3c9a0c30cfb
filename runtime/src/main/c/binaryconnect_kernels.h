/* BinaryConnect's C inference kernels: the same for every network. mvn binaryconnect:export writes this file,
 * unchanged, next to each exported <spec>.c, which includes it and holds only what is particular to its network
 * (the weights, the geometry, the order of the layers). Do not edit a copy: the source is
 * runtime/src/main/c/binaryconnect_kernels.h, tested by runtime's CKernelsTest.
 *
 * Semantics: docs/packed-model-format.md. Every kernel computes what the generated Java inference computes,
 * operation for operation in float and in the same order (docs/decisions/binary-inference-kernels.md), so the C
 * and the Java predict alike, bit for bit. No allocation, no state: calls from several threads are safe.
 *
 * The functions are static inline: a network's .c compiles only the kernels it calls, without a warning about
 * the others, and several exported networks link into one program without a clash. Portable C99. */
#ifndef BINARYCONNECT_KERNELS_H
#define BINARYCONNECT_KERNELS_H

#include <math.h>
#include <stdint.h>

/* No fused multiply-adds: the sums are the Java inference's only when every product is rounded before its
   addition. clang honours this pragma (it holds to the end of the including file); for gcc compile with
   -ffp-contract=off (its C99 mode, -std=c99, already does not fuse). */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

/* y_j = act(scale_j * y_j + shift_j) for j < units: the last step of both dense kernels. */
static inline void bc_scale_shift(float *y, int units, const float *scale, const float *shift, int relu) {
    int j;
    for (j = 0; j < units; j++) {
        y[j] = scale[j] * y[j] + shift[j];
        if (relu && y[j] < 0.0f) {
            y[j] = 0.0f;
        }
    }
}

/* Input i, or 0 past the last input: the padding of a unit's last word adds nothing. */
static inline float bc_input_at(const float *x, int inputs, int i) {
    return i < inputs ? x[i] : 0.0f;
}

/* The 16 signed sums of the 4 inputs from first: all negative, then each set bit adds twice its input. */
static inline void bc_nibble_sums(const float *x, int inputs, int first, float *sums) {
    int bit, m;
    sums[0] = -((bc_input_at(x, inputs, first) + bc_input_at(x, inputs, first + 1))
            + (bc_input_at(x, inputs, first + 2) + bc_input_at(x, inputs, first + 3)));
    for (bit = 0; bit < 4; bit++) {
        int half = 1 << bit;
        float twice = 2.0f * bc_input_at(x, inputs, first + bit);
        for (m = 0; m < half; m++) {
            sums[half + m] = sums[m] + twice;
        }
    }
}

/* acc plus the 8 table entries the 8 bytes of word select from the 8 tables of 256 at sums, added one after the
   other in byte order. */
static inline float bc_add_lookups(float acc, const float *sums, uint64_t word) {
    return acc + sums[word & 0xff] + sums[256 + (word >> 8 & 0xff)]
            + sums[512 + (word >> 16 & 0xff)] + sums[768 + (word >> 24 & 0xff)]
            + sums[1024 + (word >> 32 & 0xff)] + sums[1280 + (word >> 40 & 0xff)]
            + sums[1536 + (word >> 48 & 0xff)] + sums[1792 + (word >> 56)];
}

/* The floats of stack bc_binary_dense takes for its tables (CSource.stackBytes counts them). */
#define BC_BINARY_DENSE_SCRATCH_FLOATS (16 * 256 + 2 * 16)

/* A binary dense layer: y_j = act(scale_j * sum_i s_ij x_i + shift_j), s_ij = +1 where bit i of unit j is set,
   else -1; bits holds (inputs + 63) / 64 words per unit, bit i % 64 of word i / 64, the padding bits 0.
   Without multiplications: for each block of 128 inputs (two words of every unit) a table of the 256 signed
   sums of each group of 8 inputs, sum_b (bit b ? +x_b : -x_b), then one table entry per byte of a unit's signs.
   The tables take 16 KB of stack. */
static inline void bc_binary_dense(const float *x, int inputs, int units, const uint64_t *bits,
        const float *scale, const float *shift, int relu, float *y) {
    int words = (inputs + 63) / 64;
    float sums[16 * 256];
    float low[16];
    float high[16];
    int first, g, h, l, j;
    for (j = 0; j < units; j++) {
        y[j] = 0.0f;
    }
    for (first = 0; first < words; first += 2) {
        int width = words - first < 2 ? words - first : 2;
        for (g = 0; g < 8 * width; g++) {
            bc_nibble_sums(x, inputs, 64 * first + 8 * g, low);
            bc_nibble_sums(x, inputs, 64 * first + 8 * g + 4, high);
            for (h = 0; h < 16; h++) {
                for (l = 0; l < 16; l++) {
                    sums[256 * g + 16 * h + l] = low[l] + high[h];
                }
            }
        }
        for (j = 0; j < units; j++) {
            const uint64_t *w = bits + (long) j * words + first;
            y[j] = width == 2 ? bc_add_lookups(bc_add_lookups(y[j], sums, w[0]), sums + 2048, w[1])
                    : bc_add_lookups(y[j], sums, w[0]);
        }
    }
    bc_scale_shift(y, units, scale, shift, relu);
}

/* A full-precision dense layer: y_j = act(scale_j * sum_i W[i][j] x_i + shift_j), the weights unit-major (the
   inputs of unit 0, then of unit 1, ...), summed in input order. */
static inline void bc_full_dense(const float *x, int inputs, int units, const float *weights,
        const float *scale, const float *shift, int relu, float *y) {
    int i, j;
    for (j = 0; j < units; j++) {
        const float *w = weights + (long) j * inputs;
        float acc = 0.0f;
        for (i = 0; i < inputs; i++) {
            acc += w[i] * x[i];
        }
        y[j] = acc;
    }
    bc_scale_shift(y, units, scale, shift, relu);
}

/* A conv layer's geometry: an array of G_FIELDS ints indexed by these names (docs/packed-model-format.md). The
   input is G_CHANNELS x G_HEIGHT x G_WIDTH, channel-major; G_PAD_TOP and G_PAD_LEFT zero rows and columns come
   before it; the convolution's output is G_FILTERS x G_OUT_HEIGHT x G_OUT_WIDTH; G_POOL is the max-pool's
   window, 0 without a pool (then G_POOL_STRIDE, G_POOLED_HEIGHT and G_POOLED_WIDTH are 0 too). */
enum {
    G_CHANNELS, G_HEIGHT, G_WIDTH, G_FILTERS, G_KERNEL, G_STRIDE, G_PAD_TOP, G_PAD_LEFT, G_OUT_HEIGHT,
    G_OUT_WIDTH, G_POOL, G_POOL_STRIDE, G_POOLED_HEIGHT, G_POOLED_WIDTH, G_FIELDS
};

/* The receptive field of output (oy, ox): its inputs in the order channel, kernel row, kernel column, 0 outside
   the image, then 0 up to a multiple of 4. */
static inline void bc_receptive_field(const float *x, const int *g, int oy, int ox, float *patch) {
    int c, ky, kx;
    int i = 0;
    for (c = 0; c < g[G_CHANNELS]; c++) {
        for (ky = 0; ky < g[G_KERNEL]; ky++) {
            int iy = oy * g[G_STRIDE] - g[G_PAD_TOP] + ky;
            for (kx = 0; kx < g[G_KERNEL]; kx++) {
                int ix = ox * g[G_STRIDE] - g[G_PAD_LEFT] + kx;
                patch[i++] = iy >= 0 && iy < g[G_HEIGHT] && ix >= 0 && ix < g[G_WIDTH]
                        ? x[(c * g[G_HEIGHT] + iy) * g[G_WIDTH] + ix] : 0.0f;
            }
        }
    }
    while (i % 4 != 0) {
        patch[i++] = 0.0f;
    }
}

/* y = act(scale_f * s + shift_f) per filter f, s the max of each pool window of the raw sums (filter-major,
   G_OUT_HEIGHT x G_OUT_WIDTH each), or each raw sum without a pool. The affine map comes after the pool, so a
   negative scale is exact. */
static inline void bc_pool_scale_shift(const float *sums, const int *g, const float *scale, const float *shift,
        int relu, float *y) {
    int plane = g[G_OUT_HEIGHT] * g[G_OUT_WIDTH];
    int pool = g[G_POOL];
    int height = pool == 0 ? g[G_OUT_HEIGHT] : g[G_POOLED_HEIGHT];
    int width = pool == 0 ? g[G_OUT_WIDTH] : g[G_POOLED_WIDTH];
    int step = pool == 0 ? 1 : g[G_POOL_STRIDE];
    int window = pool == 0 ? 1 : pool;
    int f, py, px, dy, dx;
    for (f = 0; f < g[G_FILTERS]; f++) {
        const float *s = sums + (long) f * plane;
        for (py = 0; py < height; py++) {
            for (px = 0; px < width; px++) {
                float m = s[py * step * g[G_OUT_WIDTH] + px * step];
                float v;
                for (dy = 0; dy < window; dy++) {
                    for (dx = 0; dx < window; dx++) {
                        float candidate = s[(py * step + dy) * g[G_OUT_WIDTH] + px * step + dx];
                        if (candidate > m) {
                            m = candidate;
                        }
                    }
                }
                v = scale[f] * m + shift[f];
                y[((long) f * height + py) * width + px] = relu && v < 0.0f ? 0.0f : v;
            }
        }
    }
}

/* A binary conv layer without multiplications: at each output position, a table of the 16 signed sums of each
   group of 4 inputs of the receptive field (all negative, then each set bit adds twice its input), then per
   filter one table entry per 4 sign bits; then the pool, scale and shift. bits holds (fan_in + 63) / 64 words
   per filter, fan_in = G_CHANNELS * G_KERNEL * G_KERNEL. patch (4 * ((fan_in + 3) / 4) floats), table (16 per
   group of 4 inputs) and sums (G_FILTERS * G_OUT_HEIGHT * G_OUT_WIDTH floats) are scratch. */
static inline void bc_binary_conv(const float *x, const int *g, const uint64_t *bits, const float *scale,
        const float *shift, int relu, float *patch, float *table, float *sums, float *y) {
    int fan_in = g[G_CHANNELS] * g[G_KERNEL] * g[G_KERNEL];
    int groups = (fan_in + 3) / 4;
    int words = (fan_in + 63) / 64;
    int plane = g[G_OUT_HEIGHT] * g[G_OUT_WIDTH];
    int filters = g[G_FILTERS];
    int in_fours = filters - filters % 4;
    int oy, ox, q, bit, m, f;
    for (oy = 0; oy < g[G_OUT_HEIGHT]; oy++) {
        for (ox = 0; ox < g[G_OUT_WIDTH]; ox++) {
            long position = (long) oy * g[G_OUT_WIDTH] + ox;
            bc_receptive_field(x, g, oy, ox, patch);
            for (q = 0; q < groups; q++) {
                const float *p = patch + 4 * q;
                float *t = table + 16 * q;
                t[0] = -((p[0] + p[1]) + (p[2] + p[3]));
                for (bit = 0; bit < 4; bit++) {
                    int half = 1 << bit;
                    float twice = 2.0f * p[bit];
                    for (m = 0; m < half; m++) {
                        t[half + m] = t[m] + twice;
                    }
                }
            }
            /* four filters at a time: four independent chains of additions, each filter's in order */
            for (f = 0; f < in_fours; f += 4) {
                const uint64_t *w0 = bits + (long) f * words;
                const uint64_t *w1 = w0 + words;
                const uint64_t *w2 = w1 + words;
                const uint64_t *w3 = w2 + words;
                float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
                for (q = 0; q < groups; q++) {
                    const float *t = table + 16 * q;
                    int word = q >> 4;
                    int shift = 4 * (q & 15);
                    s0 += t[(int) (w0[word] >> shift & 0xf)];
                    s1 += t[(int) (w1[word] >> shift & 0xf)];
                    s2 += t[(int) (w2[word] >> shift & 0xf)];
                    s3 += t[(int) (w3[word] >> shift & 0xf)];
                }
                sums[(long) f * plane + position] = s0;
                sums[(long) (f + 1) * plane + position] = s1;
                sums[(long) (f + 2) * plane + position] = s2;
                sums[(long) (f + 3) * plane + position] = s3;
            }
            for (f = in_fours; f < filters; f++) {
                const uint64_t *w = bits + (long) f * words;
                float sum = 0.0f;
                for (q = 0; q < groups; q++) {
                    sum += table[16 * q + (int) (w[q >> 4] >> (4 * (q & 15)) & 0xf)];
                }
                sums[(long) f * plane + position] = sum;
            }
        }
    }
    bc_pool_scale_shift(sums, g, scale, shift, relu, y);
}

/* A full-precision conv layer: per output position and filter, the float dot product of the filter's weights
   (channel, kernel row, kernel column) with the receptive field, in that order; then the pool, scale and shift.
   patch and sums are scratch, as for bc_binary_conv. */
static inline void bc_full_conv(const float *x, const int *g, const float *weights, const float *scale,
        const float *shift, int relu, float *patch, float *sums, float *y) {
    int fan_in = g[G_CHANNELS] * g[G_KERNEL] * g[G_KERNEL];
    int plane = g[G_OUT_HEIGHT] * g[G_OUT_WIDTH];
    int oy, ox, f, i;
    for (oy = 0; oy < g[G_OUT_HEIGHT]; oy++) {
        for (ox = 0; ox < g[G_OUT_WIDTH]; ox++) {
            bc_receptive_field(x, g, oy, ox, patch);
            for (f = 0; f < g[G_FILTERS]; f++) {
                const float *w = weights + (long) f * fan_in;
                float sum = 0.0f;
                for (i = 0; i < fan_in; i++) {
                    sum += w[i] * patch[i];
                }
                sums[(long) f * plane + (long) oy * g[G_OUT_WIDTH] + ox] = sum;
            }
        }
    }
    bc_pool_scale_shift(sums, g, scale, shift, relu, y);
}

/* The input pipeline, step by step: the arithmetic of binaryconnect-inference's InputPipeline (training's own
   preprocessing), operation for operation and in the same precision, so that <spec>_predict_pixels gives the
   trained network's features bit for bit. A network's .c calls the steps its model records, in this order. */

/* features[i] = low + (high - low) * pixels[i] / 255, in float, in that order. */
static inline void bc_scale_bytes(const unsigned char *pixels, int n, float low, float high, float *features) {
    int i;
    for (i = 0; i < n; i++) {
        features[i] = low + (high - low) * (float) pixels[i] / 255.0f;
    }
}

/* Global contrast normalisation of one sample (pylearn2's, min_divisor 1e-8): sums, mean and divisor in double,
   each value rounded to float once. Calls sqrt: link with -lm. */
static inline void bc_contrast_normalize(float *x, int n, double scale) {
    double sum = 0.0, mean, squares = 0.0, divisor;
    int j;
    for (j = 0; j < n; j++) {
        sum += x[j];
    }
    mean = sum / n;
    for (j = 0; j < n; j++) {
        double centred = x[j] - mean;
        squares += centred * centred;
    }
    divisor = sqrt(squares) / scale;
    if (divisor < 1e-8) {
        divisor = 1.0;
    }
    for (j = 0; j < n; j++) {
        x[j] = (float) ((x[j] - mean) / divisor);
    }
}

/* x[j] -= means[j], in float. */
static inline void bc_center(float *x, int n, const float *means) {
    int j;
    for (j = 0; j < n; j++) {
        x[j] -= means[j];
    }
}

/* ZCA: x becomes (x - mean) P, P row-major n x n. Each centred value is (float) (x_i - mean_i), subtracted in
   double; output j is the float sum over i = 0, 1, ... of c_i * P[i][j], from 0, each product rounded before its
   addition. centred is scratch of n floats. */
static inline void bc_whiten(float *x, int n, const double *mean, const float *matrix, float *centred) {
    int i, j;
    for (i = 0; i < n; i++) {
        centred[i] = (float) (x[i] - mean[i]);
        x[i] = 0.0f;
    }
    for (i = 0; i < n; i++) {
        const float *row = matrix + (long) i * n;
        float c = centred[i];
        for (j = 0; j < n; j++) {
            x[j] += c * row[j];
        }
    }
}

/* The index of the largest of the n scores, the first one on ties (a NaN is never larger). */
static inline int bc_argmax(const float *scores, int n) {
    int best = 0;
    int k;
    for (k = 1; k < n; k++) {
        if (scores[k] > scores[best]) {
            best = k;
        }
    }
    return best;
}

#endif
