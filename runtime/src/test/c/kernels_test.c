/* Checks the kernels of binaryconnect_kernels.h on small inputs worked out by hand. CKernelsTest compiles it with
 * gcc -std=c99 -Wall -Wextra -Werror -pedantic and runs it: every failed check prints a line, the exit status is
 * the number of failures. All values are small integers or halves, so every sum is exact in float whatever the
 * order: these check what the kernels compute; the parity tests check the order, against the Java inference. */
#include <math.h>
#include <stdio.h>
#include "binaryconnect_kernels.h"

static int failures = 0;
static int checks = 0;

static void check(int ok, const char *what, int line) {
    checks++;
    if (!ok) {
        failures++;
        printf("FAILED line %d: %s\n", line, what);
    }
}

#define CHECK(condition) check((condition), #condition, __LINE__)

/* value == expected to the bit, 0.0f and -0.0f told apart */
static int same(float value, float expected) {
    return value == expected && signbit(value) == signbit(expected);
}

/* unit 0 has the signs + - +, unit 1 - + -, of 3 inputs: one word each, its padding bits 0 */
static void binary_dense_by_hand(void) {
    const float x[3] = {1.0f, 2.0f, 4.0f};
    const uint64_t bits[2] = {0x5u, 0x2u};
    const float scale[2] = {2.0f, 0.5f};
    const float shift[2] = {1.0f, 1.0f};
    float y[2];
    bc_binary_dense(x, 3, 2, bits, scale, shift, 0, y);
    CHECK(same(y[0], 7.0f)); /* 2 * (1 - 2 + 4) + 1 */
    CHECK(same(y[1], -0.5f)); /* 0.5 * (-1 + 2 - 4) + 1 */
    bc_binary_dense(x, 3, 2, bits, scale, shift, 1, y);
    CHECK(same(y[0], 7.0f));
    CHECK(same(y[1], 0.0f));
}

/* 130 inputs x_i = i: three words a unit, so a block of two words and a last block of one, and 62 padding bits */
static void binary_dense_across_words(void) {
    float x[130];
    uint64_t bits[3 * 3] = {0};
    const float scale[3] = {1.0f, 1.0f, 1.0f};
    const float shift[3] = {0.0f, 0.0f, 0.0f};
    float y[3];
    int i;
    for (i = 0; i < 130; i++) {
        x[i] = (float) i;
    }
    bits[0] = ~(uint64_t) 0; /* unit 0: every weight +1 */
    bits[1] = ~(uint64_t) 0;
    bits[2] = 0x3u;
    bits[8] = (uint64_t) 1 << 1; /* unit 2: +1 at input 129 only; unit 1: -1 everywhere */
    bc_binary_dense(x, 130, 3, bits, scale, shift, 0, y);
    CHECK(same(y[0], 8385.0f)); /* 0 + 1 + ... + 129 */
    CHECK(same(y[1], -8385.0f));
    CHECK(same(y[2], -8385.0f + 2.0f * 129.0f));
}

static void nibble_sums_are_the_16_signed_sums(void) {
    const float x[4] = {1.0f, 2.0f, 4.0f, 8.0f};
    float sums[16];
    int m, b;
    bc_nibble_sums(x, 4, 0, sums);
    for (m = 0; m < 16; m++) {
        float expected = 0.0f;
        for (b = 0; b < 4; b++) {
            expected += (m >> b & 1) ? x[b] : -x[b];
        }
        CHECK(same(sums[m], expected));
    }
    /* past the last input, x counts as 0: inputs 2 and 3 of 3 */
    bc_nibble_sums(x, 3, 2, sums);
    CHECK(same(sums[0], -4.0f));
    CHECK(same(sums[1], 4.0f));
    CHECK(same(sums[2], -4.0f));
}

static void full_dense_by_hand(void) {
    const float x[3] = {1.0f, 2.0f, 3.0f};
    const float weights[6] = {1.0f, 0.0f, -1.0f, 0.5f, 0.5f, 0.5f}; /* unit-major */
    const float scale[2] = {1.0f, 2.0f};
    const float shift[2] = {0.0f, -1.0f};
    float y[2];
    bc_full_dense(x, 3, 2, weights, scale, shift, 0, y);
    CHECK(same(y[0], -2.0f));
    CHECK(same(y[1], 5.0f));
    bc_full_dense(x, 3, 2, weights, scale, shift, 1, y);
    CHECK(same(y[0], 0.0f));
    CHECK(same(y[1], 5.0f));
}

/* 1 x 3 x 3 input 1..9, filters 3x3, stride 1, SAME padding (1 top, 1 left): a 3 x 3 output */
static void same_geometry(int *g, int filters, int pool) {
    g[G_CHANNELS] = 1;
    g[G_HEIGHT] = 3;
    g[G_WIDTH] = 3;
    g[G_FILTERS] = filters;
    g[G_KERNEL] = 3;
    g[G_STRIDE] = 1;
    g[G_PAD_TOP] = 1;
    g[G_PAD_LEFT] = 1;
    g[G_OUT_HEIGHT] = 3;
    g[G_OUT_WIDTH] = 3;
    g[G_POOL] = pool;
    g[G_POOL_STRIDE] = pool;
    g[G_POOLED_HEIGHT] = pool == 0 ? 0 : 1;
    g[G_POOLED_WIDTH] = pool == 0 ? 0 : 1;
}

static const float IMAGE[9] = {1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f, 7.0f, 8.0f, 9.0f};

static void receptive_field_at_the_borders(void) {
    int g[G_FIELDS];
    float patch[12];
    const float top_left[12] = {0, 0, 0, 0, 1, 2, 0, 4, 5, 0, 0, 0};
    const float bottom_right[12] = {5, 6, 0, 8, 9, 0, 0, 0, 0, 0, 0, 0};
    const float centre[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0};
    int i;
    same_geometry(g, 1, 0);
    for (i = 0; i < 12; i++) {
        patch[i] = -1.0f;
    }
    bc_receptive_field(IMAGE, g, 0, 0, patch);
    for (i = 0; i < 12; i++) {
        CHECK(same(patch[i], top_left[i]));
    }
    bc_receptive_field(IMAGE, g, 2, 2, patch);
    for (i = 0; i < 12; i++) {
        CHECK(same(patch[i], bottom_right[i]));
    }
    bc_receptive_field(IMAGE, g, 1, 1, patch);
    for (i = 0; i < 12; i++) {
        CHECK(same(patch[i], centre[i]));
    }
}

/* sums of the 3 x 3 neighbourhoods of IMAGE, zero outside */
static const float BOX[9] = {12.0f, 21.0f, 16.0f, 27.0f, 45.0f, 33.0f, 24.0f, 39.0f, 28.0f};

/* 5 filters: four at a time, then one alone. Filters 0-3 all +1, filter 4 all -1. */
static void binary_conv_without_a_pool(void) {
    int g[G_FIELDS];
    const uint64_t bits[5] = {0x1ffu, 0x1ffu, 0x1ffu, 0x1ffu, 0x0u};
    const float scale[5] = {1.0f, 2.0f, 1.0f, 1.0f, 1.0f};
    const float shift[5] = {0.0f, 0.0f, 0.0f, -20.0f, 0.0f};
    float patch[12], table[16 * 3], sums[5 * 9], y[5 * 9];
    int p;
    same_geometry(g, 5, 0);
    bc_binary_conv(IMAGE, g, bits, scale, shift, 1, patch, table, sums, y);
    for (p = 0; p < 9; p++) {
        CHECK(same(y[p], BOX[p]));
        CHECK(same(y[9 + p], 2.0f * BOX[p]));
        CHECK(same(y[27 + p], BOX[p] < 20.0f ? 0.0f : BOX[p] - 20.0f)); /* relu */
        CHECK(same(y[36 + p], 0.0f)); /* -BOX, relu */
    }
    bc_binary_conv(IMAGE, g, bits, scale, shift, 0, patch, table, sums, y);
    for (p = 0; p < 9; p++) {
        CHECK(same(y[36 + p], -BOX[p]));
    }
}

/* a 2 x 2 pool, stride 2, on the 3 x 3 output: one window (rows and columns 0-1), the last row and column dropped.
   The scale comes after the pool: filter 1's -1 turns the max of -BOX, -12, into 12 (before the pool it would be
   the max of BOX's window, 45). */
static void binary_conv_with_a_pool_then_a_negative_scale(void) {
    int g[G_FIELDS];
    const uint64_t bits[2] = {0x1ffu, 0x0u};
    const float scale[2] = {1.0f, -1.0f};
    const float shift[2] = {0.5f, 0.0f};
    float patch[12], table[16 * 3], sums[2 * 9], y[2];
    same_geometry(g, 2, 2);
    bc_binary_conv(IMAGE, g, bits, scale, shift, 0, patch, table, sums, y);
    CHECK(same(y[0], 45.5f));
    CHECK(same(y[1], 12.0f));
}

static void full_conv_by_hand(void) {
    int g[G_FIELDS];
    float weights[2 * 9];
    const float scale[2] = {1.0f, 1.0f};
    const float shift[2] = {0.0f, 0.0f};
    float patch[12], sums[2 * 9], y[2 * 9];
    int i, p;
    for (i = 0; i < 9; i++) {
        weights[i] = 1.0f; /* filter 0: the box sum */
        weights[9 + i] = i == 4 ? 2.0f : 0.0f; /* filter 1: twice the centre */
    }
    same_geometry(g, 2, 0);
    bc_full_conv(IMAGE, g, weights, scale, shift, 0, patch, sums, y);
    for (p = 0; p < 9; p++) {
        CHECK(same(y[p], BOX[p]));
        CHECK(same(y[9 + p], 2.0f * IMAGE[p]));
    }
}

static void argmax_takes_the_first_on_ties(void) {
    const float ties[4] = {1.0f, 3.0f, 3.0f, 2.0f};
    const float equal[3] = {5.0f, 5.0f, 5.0f};
    const float zeros[2] = {0.0f, -0.0f};
    const float negative_zero_first[2] = {-0.0f, 0.0f};
    const float one[1] = {-7.0f};
    const float nan_between[3] = {1.0f, NAN, 2.0f};
    CHECK(bc_argmax(ties, 4) == 1);
    CHECK(bc_argmax(equal, 3) == 0);
    CHECK(bc_argmax(zeros, 2) == 0);
    CHECK(bc_argmax(negative_zero_first, 2) == 0);
    CHECK(bc_argmax(one, 1) == 0);
    CHECK(bc_argmax(nan_between, 3) == 2);
}

int main(void) {
#ifdef EXPECTED_BINARY_DENSE_SCRATCH_FLOATS
    CHECK(BC_BINARY_DENSE_SCRATCH_FLOATS == EXPECTED_BINARY_DENSE_SCRATCH_FLOATS);
#endif
    binary_dense_by_hand();
    binary_dense_across_words();
    nibble_sums_are_the_16_signed_sums();
    full_dense_by_hand();
    receptive_field_at_the_borders();
    binary_conv_without_a_pool();
    binary_conv_with_a_pool_then_a_negative_scale();
    full_conv_by_hand();
    argmax_takes_the_first_on_ties();
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
