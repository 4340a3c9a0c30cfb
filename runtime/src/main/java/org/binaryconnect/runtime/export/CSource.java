package org.binaryconnect.runtime.export;

import java.util.List;
import java.util.Locale;

/**
 * The text of the C file {@link CExporter} writes: constant arrays per layer, the dense kernels (the conv ones come
 * from {@link CConvSource}), the network.
 */
final class CSource {

    private static final int WORDS_PER_LINE = 4;
    private static final int FLOATS_PER_LINE = 8;

    private final PackedModel model;
    private final String base;
    private final StringBuilder text = new StringBuilder(1 << 16);

    CSource(PackedModel model, String base) {
        this.model = model;
        this.base = base;
    }

    String text() {
        List<PackedLayer> layers = model.layers();
        String upper = CExporter.macroPrefix(model);
        line("/* " + model.name() + " (" + model.specClass() + "), fingerprint " + model.fingerprint() + ".");
        line(" * Written by mvn binaryconnect:export; do not edit. Semantics: docs/packed-model-format.md. */");
        line("#include <stdint.h>");
        line("#include \"" + base + ".h\"");
        line("");
        line("/* No fused multiply-adds: the sums are the generated Java inference's only when every product is");
        line("   rounded before its addition. clang honours this pragma; for gcc compile with -ffp-contract=off");
        line("   (its C99 mode, -std=c99, already does not fuse). */");
        line("#if defined(__clang__)");
        line("#pragma STDC FP_CONTRACT OFF");
        line("#endif");
        line("");
        for (int k = 0; k < layers.size(); k++) {
            arrays(k, layers.get(k));
        }
        if (layers.stream().anyMatch(layer -> layer.binary() && !layer.isConv())) {
            binaryKernel();
        }
        if (layers.stream().anyMatch(layer -> !layer.binary() && !layer.isConv())) {
            fullPrecisionKernel();
        }
        if (layers.stream().anyMatch(PackedLayer::isConv)) {
            text.append(CConvSource.common());
        }
        if (layers.stream().anyMatch(layer -> layer.binary() && layer.isConv())) {
            text.append(CConvSource.binaryKernel());
        }
        if (layers.stream().anyMatch(layer -> !layer.binary() && layer.isConv())) {
            text.append(CConvSource.fullPrecisionKernel());
        }
        network(layers, upper);
        return text.toString();
    }

    private void arrays(int index, PackedLayer layer) {
        String prefix = prefix(index);
        if (layer.isConv()) {
            line("/* " + prefix + ", layer " + layer.name() + ": " + CConvSource.describe(layer) + " */");
            text.append(CConvSource.geometryArray(prefix, layer));
        } else {
            line("/* " + prefix + ", layer " + layer.name() + ": " + (layer.binary() ? "binary H=" + layer.h()
                    : "full-precision") + " dense " + layer.inputs() + " -> " + layer.units() + ", "
                    + layer.activation().name().toLowerCase(Locale.ROOT) + " */");
        }
        if (layer.binary()) {
            line("static const uint64_t " + prefix + "_BITS[" + layer.bits().length + "] = {");
            long[] bits = layer.bits();
            for (int k = 0; k < bits.length; k++) {
                text.append(k % WORDS_PER_LINE == 0 ? "    " : " ")
                        .append(String.format(Locale.ROOT, "UINT64_C(0x%016x)", bits[k]))
                        .append(k + 1 < bits.length ? "," : "");
                if (k % WORDS_PER_LINE == WORDS_PER_LINE - 1 || k + 1 == bits.length) {
                    text.append('\n');
                }
            }
            line("};");
        } else {
            floats(prefix + "_WEIGHTS", layer.weights());
        }
        floats(prefix + "_SCALE", layer.scale());
        floats(prefix + "_SHIFT", layer.shift());
        line("");
    }

    private void floats(String name, float[] values) {
        line("static const float " + name + "[" + values.length + "] = {");
        for (int k = 0; k < values.length; k++) {
            text.append(k % FLOATS_PER_LINE == 0 ? "    " : " ").append(literal(values[k]))
                    .append(k + 1 < values.length ? "," : "");
            if (k % FLOATS_PER_LINE == FLOATS_PER_LINE - 1 || k + 1 == values.length) {
                text.append('\n');
            }
        }
        line("};");
    }

    /** A C float literal that parses back to exactly {@code value}: Java's shortest round-trip digits. */
    static String literal(float value) {
        return Float.toString(value) + "f";
    }

    private void binaryKernel() {
        // The generated Java's lookup kernel, operation for operation in float (docs/decisions/binary-inference-
        // kernels.md), so that the C and the Java compute the same sums in the same order.
        line("/* Input i, or 0 past the last input: the padding of a unit's last word adds nothing. */");
        line("static float input_at(const float *x, int inputs, int i) {");
        line("    return i < inputs ? x[i] : 0.0f;");
        line("}");
        line("");
        line("/* The 16 signed sums of the 4 inputs from first: all negative, then each set bit adds twice its input. */");
        line("static void nibble_sums(const float *x, int inputs, int first, float *sums) {");
        line("    int bit, m;");
        line("    sums[0] = -((input_at(x, inputs, first) + input_at(x, inputs, first + 1))");
        line("            + (input_at(x, inputs, first + 2) + input_at(x, inputs, first + 3)));");
        line("    for (bit = 0; bit < 4; bit++) {");
        line("        int half = 1 << bit;");
        line("        float twice = 2.0f * input_at(x, inputs, first + bit);");
        line("        for (m = 0; m < half; m++) {");
        line("            sums[half + m] = sums[m] + twice;");
        line("        }");
        line("    }");
        line("}");
        line("");
        line("/* acc plus the 8 table entries the 8 bytes of word select from the 8 tables of 256 at sums, added one");
        line("   after the other in byte order. */");
        line("static float add_lookups(float acc, const float *sums, uint64_t word) {");
        line("    return acc + sums[word & 0xff] + sums[256 + (word >> 8 & 0xff)]");
        line("            + sums[512 + (word >> 16 & 0xff)] + sums[768 + (word >> 24 & 0xff)]");
        line("            + sums[1024 + (word >> 32 & 0xff)] + sums[1280 + (word >> 40 & 0xff)]");
        line("            + sums[1536 + (word >> 48 & 0xff)] + sums[1792 + (word >> 56)];");
        line("}");
        line("");
        line("/* y_j = act(scale_j * sum_i s_ij x_i + shift_j), s_ij = +1 where bit i of unit j is set, else -1.");
        line("   Without multiplications: for each block of 128 inputs (two words of every unit) a table of the 256");
        line("   signed sums of each group of 8 inputs, sum_b (bit b ? +x_b : -x_b), then one table entry per byte of");
        line("   a unit's signs. The tables take 16 KB of stack. */");
        line("static void binary_dense(const float *x, int inputs, int units, const uint64_t *bits,");
        line("        const float *scale, const float *shift, int relu, float *y) {");
        line("    int words = (inputs + 63) / 64;");
        line("    float sums[16 * 256];");
        line("    float low[16];");
        line("    float high[16];");
        line("    int first, g, h, l, j;");
        line("    for (j = 0; j < units; j++) {");
        line("        y[j] = 0.0f;");
        line("    }");
        line("    for (first = 0; first < words; first += 2) {");
        line("        int width = words - first < 2 ? words - first : 2;");
        line("        for (g = 0; g < 8 * width; g++) {");
        line("            nibble_sums(x, inputs, 64 * first + 8 * g, low);");
        line("            nibble_sums(x, inputs, 64 * first + 8 * g + 4, high);");
        line("            for (h = 0; h < 16; h++) {");
        line("                for (l = 0; l < 16; l++) {");
        line("                    sums[256 * g + 16 * h + l] = low[l] + high[h];");
        line("                }");
        line("            }");
        line("        }");
        line("        for (j = 0; j < units; j++) {");
        line("            const uint64_t *w = bits + (long) j * words + first;");
        line("            y[j] = width == 2 ? add_lookups(add_lookups(y[j], sums, w[0]), sums + 2048, w[1])");
        line("                    : add_lookups(y[j], sums, w[0]);");
        line("        }");
        line("    }");
        line("    for (j = 0; j < units; j++) {");
        line("        y[j] = scale[j] * y[j] + shift[j];");
        line("        if (relu && y[j] < 0.0f) {");
        line("            y[j] = 0.0f;");
        line("        }");
        line("    }");
        line("}");
        line("");
    }

    private void fullPrecisionKernel() {
        line("/* y_j = act(scale_j * sum_i W[i][j] x_i + shift_j), the weights unit-major. */");
        line("static void full_dense(const float *x, int inputs, int units, const float *weights,");
        line("        const float *scale, const float *shift, int relu, float *y) {");
        line("    int j;");
        line("    for (j = 0; j < units; j++) {");
        line("        const float *w = weights + (long) j * inputs;");
        line("        float acc = 0.0f;");
        line("        int i;");
        line("        for (i = 0; i < inputs; i++) {");
        line("            acc += w[i] * x[i];");
        line("        }");
        line("        y[j] = scale[j] * acc + shift[j];");
        line("        if (relu && y[j] < 0.0f) {");
        line("            y[j] = 0.0f;");
        line("        }");
        line("    }");
        line("}");
        line("");
    }

    /**
     * The bytes of stack that one {@code <base>_scores} call takes for its buffers: the hidden activations, the conv
     * scratch and the dense lookup tables (the compiler's own frames come on top).
     */
    static long stackBytes(List<PackedLayer> layers) {
        int hidden = layers.size() - 1;
        long floats = (long) widestHidden(layers) * Math.min(hidden, 2);
        if (layers.stream().anyMatch(PackedLayer::isConv)) {
            floats += CConvSource.patchSize(layers) + CConvSource.sumsSize(layers);
            if (layers.stream().anyMatch(layer -> layer.isConv() && layer.binary())) {
                floats += CConvSource.tableSize(layers);
            }
        }
        if (layers.stream().anyMatch(layer -> layer.binary() && !layer.isConv())) {
            floats += BINARY_DENSE_SCRATCH_FLOATS;
        }
        return 4 * floats;
    }

    /** binary_dense's tables: 16 x 256 signed sums and the two 16-entry half tables. */
    private static final int BINARY_DENSE_SCRATCH_FLOATS = 16 * 256 + 2 * 16;

    private static int widestHidden(List<PackedLayer> layers) {
        return layers.subList(0, layers.size() - 1).stream().mapToInt(PackedLayer::outputSize).max().orElse(0);
    }

    private void network(List<PackedLayer> layers, String upper) {
        int hidden = layers.size() - 1;
        int widest = widestHidden(layers);
        line("void " + base + "_scores(const float *features, float *scores) {");
        if (hidden > 0) {
            // Two stack buffers, each as wide as the widest hidden layer, taken in turn: no allocation and no
            // shared state, so concurrent calls are safe.
            line("    /* Hidden activations: two stack buffers of the widest hidden layer, used in turn. */");
            line("    float a[" + widest + "];");
            if (hidden > 1) {
                line("    float b[" + widest + "];");
            }
        }
        if (layers.stream().anyMatch(PackedLayer::isConv)) {
            line("    /* Conv scratch: a receptive field, its lookup tables, the raw sums before the pool. */");
            line("    float patch[" + CConvSource.patchSize(layers) + "];");
            if (layers.stream().anyMatch(layer -> layer.isConv() && layer.binary())) {
                line("    float table[" + CConvSource.tableSize(layers) + "];");
            }
            line("    float sums[" + CConvSource.sumsSize(layers) + "];");
        }
        for (int k = 0; k < layers.size(); k++) {
            PackedLayer layer = layers.get(k);
            String in = k == 0 ? "features" : (k - 1) % 2 == 0 ? "a" : "b";
            String out = k == hidden ? "scores" : k % 2 == 0 ? "a" : "b";
            String prefix = prefix(k);
            if (layer.isConv()) {
                line("    " + CConvSource.call(prefix, layer, in, out));
                continue;
            }
            String call = layer.binary()
                    ? "binary_dense(" + in + ", " + layer.inputs() + ", " + layer.units() + ", " + prefix + "_BITS, "
                    : "full_dense(" + in + ", " + layer.inputs() + ", " + layer.units() + ", " + prefix + "_WEIGHTS, ";
            line("    " + call + prefix + "_SCALE, " + prefix + "_SHIFT, "
                    + layer.activationCode() + ", " + out + ");");
        }
        line("}");
        line("");
        line("int " + base + "_predict(const float *features) {");
        line("    float scores[" + upper + "_CLASSES];");
        line("    int best = 0;");
        line("    int k;");
        line("    " + base + "_scores(features, scores);");
        line("    for (k = 1; k < " + upper + "_CLASSES; k++) {");
        line("        if (scores[k] > scores[best]) {");
        line("            best = k;");
        line("        }");
        line("    }");
        line("    return best;");
        line("}");
    }

    /** Arrays are named by layer index: Java field names may hold characters C identifiers cannot. */
    private static String prefix(int index) {
        return "L" + index;
    }

    private void line(String line) {
        text.append(line).append('\n');
    }
}
