package org.binaryconnect.runtime.export;

import java.util.List;
import java.util.Locale;

/** The text of the C file {@link CExporter} writes: constant arrays per layer, two layer kernels, the network. */
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
        for (int k = 0; k < layers.size(); k++) {
            arrays(k, layers.get(k));
        }
        if (layers.stream().anyMatch(PackedLayer::binary)) {
            binaryKernel();
        }
        if (layers.stream().anyMatch(layer -> !layer.binary())) {
            fullPrecisionKernel();
        }
        network(layers, upper);
        return text.toString();
    }

    private void arrays(int index, PackedLayer layer) {
        String prefix = prefix(index);
        line("/* " + prefix + ", layer " + layer.name() + ": " + (layer.binary() ? "binary H=" + layer.h() : "full-precision") + " dense "
                + layer.inputs() + " -> " + layer.units() + ", " + layer.activation().name().toLowerCase(Locale.ROOT)
                + " */");
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
        // The sum of +-x_i in double, term by term as the format defines it: 2 * sum(set) - sum(all) in float
        // cancels two large sums and drifts from the Java inference by more than rounding.
        line("/* y_j = act(scale_j * sum_i s_ij x_i + shift_j), s_ij = +1 where bit i of unit j is set, else -1. */");
        line("static void binary_dense(const float *x, int inputs, int units, const uint64_t *bits,");
        line("        const float *scale, const float *shift, int relu, float *y) {");
        line("    int words = (inputs + 63) / 64;");
        line("    int j;");
        line("    for (j = 0; j < units; j++) {");
        line("        const uint64_t *w = bits + (long) j * words;");
        line("        double acc = 0.0;");
        line("        int k;");
        line("        for (k = 0; k < words; k++) {");
        line("            const uint64_t word = w[k];");
        line("            const float *xs = x + k * 64;");
        line("            const int n = inputs - k * 64 < 64 ? inputs - k * 64 : 64;");
        line("            double part = 0.0;");
        line("            int b;");
        line("            for (b = 0; b < n; b++) {");
        line("                /* +x where the bit is set, -x where it is clear: the sign bit is flipped, not branched");
        line("                   on (a branch on the bits mispredicts half the time). */");
        line("                union { double d; uint64_t u; } v;");
        line("                v.d = (double) xs[b];");
        line("                v.u ^= (~(word >> b) & 1u) << 63;");
        line("                part += v.d;");
        line("            }");
        line("            acc += part;");
        line("        }");
        line("        y[j] = (float) (scale[j] * acc + shift[j]);");
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
        line("        double acc = 0.0;");
        line("        int i;");
        line("        for (i = 0; i < inputs; i++) {");
        line("            acc += (double) w[i] * x[i];");
        line("        }");
        line("        y[j] = (float) (scale[j] * acc + shift[j]);");
        line("        if (relu && y[j] < 0.0f) {");
        line("            y[j] = 0.0f;");
        line("        }");
        line("    }");
        line("}");
        line("");
    }

    private void network(List<PackedLayer> layers, String upper) {
        int hidden = layers.size() - 1;
        int widest = layers.subList(0, hidden).stream().mapToInt(PackedLayer::units).max().orElse(0);
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
        for (int k = 0; k < layers.size(); k++) {
            PackedLayer layer = layers.get(k);
            String in = k == 0 ? "features" : (k - 1) % 2 == 0 ? "a" : "b";
            String out = k == hidden ? "scores" : k % 2 == 0 ? "a" : "b";
            String prefix = prefix(k);
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
