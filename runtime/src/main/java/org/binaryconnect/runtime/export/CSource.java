package org.binaryconnect.runtime.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of the C file {@link CExporter} writes: what is particular to one network, its constant arrays per
 * layer and {@code <base>_scores}, which calls the kernels of {@code binaryconnect_kernels.h} ({@link CKernels})
 * layer by layer, and {@code <base>_predict}.
 */
final class CSource {

    /** bc_binary_dense's tables: 16 x 256 signed sums and the two 16-entry half tables. */
    static final int BINARY_DENSE_SCRATCH_FLOATS = 16 * 256 + 2 * 16;

    private final PackedModel model;
    private final String base;
    private final CText text = new CText();

    CSource(PackedModel model, String base) {
        this.model = model;
        this.base = base;
    }

    String text() {
        List<PackedLayer> layers = model.layers();
        text.comment("", model.name() + " (" + model.specClass() + "), fingerprint " + model.fingerprint() + ".");
        text.comment("", "Written by mvn binaryconnect:export; do not edit. Semantics: docs/packed-model-format.md."
                + " The kernels it calls are in " + CKernels.FILE_NAME + ", written next to it.");
        text.line("#include \"" + CKernels.FILE_NAME + "\"");
        text.line("#include \"" + base + ".h\"");
        text.line("");
        for (int k = 0; k < layers.size(); k++) {
            arrays(k, layers.get(k));
        }
        scores(layers);
        text.line("");
        predict(CExporter.macroPrefix(model));
        text.line("");
        new CPipelineSource(model, base, text).write();
        return text.toString();
    }

    private void arrays(int index, PackedLayer layer) {
        String prefix = prefix(index);
        if (layer.isConv()) {
            text.comment("", prefix + ", layer " + layer.name() + ": " + CConvSource.describe(layer));
            CConvSource.geometryArray(text, prefix, layer);
        } else {
            text.comment("", prefix + ", layer " + layer.name() + ": " + (layer.binary() ? "binary H=" + layer.h()
                    : "full-precision") + " dense " + layer.inputs() + " -> " + layer.units() + ", "
                    + layer.activation().name().toLowerCase(Locale.ROOT));
        }
        if (layer.binary()) {
            long[] bits = layer.bits();
            List<String> words = new ArrayList<>(bits.length);
            for (long word : bits) {
                words.add(String.format(Locale.ROOT, "0x%016xu", word));
            }
            text.values("static const uint64_t " + prefix + "_BITS[" + bits.length + "] = {", words, "};");
        } else {
            floats(prefix + "_WEIGHTS", layer.weights());
        }
        floats(prefix + "_SCALE", layer.scale());
        floats(prefix + "_SHIFT", layer.shift());
        text.line("");
    }

    static void floats(CText text, String name, float[] values) {
        List<String> literals = new ArrayList<>(values.length);
        for (float value : values) {
            literals.add(literal(value));
        }
        text.values("static const float " + name + "[" + values.length + "] = {", literals, "};");
    }

    private void floats(String name, float[] values) {
        List<String> literals = new ArrayList<>(values.length);
        for (float value : values) {
            literals.add(literal(value));
        }
        text.values("static const float " + name + "[" + values.length + "] = {", literals, "};");
    }

    /** A C float literal that parses back to exactly {@code value}: Java's shortest round-trip digits. */
    static String literal(float value) {
        return Float.toString(value) + "f";
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

    private static int widestHidden(List<PackedLayer> layers) {
        return layers.subList(0, layers.size() - 1).stream().mapToInt(PackedLayer::outputSize).max().orElse(0);
    }

    private void scores(List<PackedLayer> layers) {
        int hidden = layers.size() - 1;
        int widest = widestHidden(layers);
        text.line("void " + base + "_scores(const float *features, float *scores) {");
        if (hidden > 0) {
            // Two stack buffers, each as wide as the widest hidden layer, taken in turn: no allocation and no
            // shared state, so concurrent calls are safe.
            text.comment("    ", "Hidden activations: two stack buffers of the widest hidden layer, used in turn.");
            text.line("    float a[" + widest + "];");
            if (hidden > 1) {
                text.line("    float b[" + widest + "];");
            }
        }
        if (layers.stream().anyMatch(PackedLayer::isConv)) {
            text.comment("    ", "Conv scratch: a receptive field, its lookup tables, the raw sums before the pool.");
            text.line("    float patch[" + CConvSource.patchSize(layers) + "];");
            if (layers.stream().anyMatch(layer -> layer.isConv() && layer.binary())) {
                text.line("    float table[" + CConvSource.tableSize(layers) + "];");
            }
            text.line("    float sums[" + CConvSource.sumsSize(layers) + "];");
        }
        for (int k = 0; k < layers.size(); k++) {
            PackedLayer layer = layers.get(k);
            String in = k == 0 ? "features" : (k - 1) % 2 == 0 ? "a" : "b";
            String out = k == hidden ? "scores" : k % 2 == 0 ? "a" : "b";
            String prefix = prefix(k);
            if (layer.isConv()) {
                text.line("    " + CConvSource.call(prefix, layer, in, out));
                continue;
            }
            String call = layer.binary()
                    ? "bc_binary_dense(" + in + ", " + layer.inputs() + ", " + layer.units() + ", " + prefix + "_BITS, "
                    : "bc_full_dense(" + in + ", " + layer.inputs() + ", " + layer.units() + ", " + prefix
                            + "_WEIGHTS, ";
            text.line("    " + call + prefix + "_SCALE, " + prefix + "_SHIFT, " + layer.activationCode() + ", " + out
                    + ");");
        }
        text.line("}");
    }

    private void predict(String upper) {
        text.line("int " + base + "_predict(const float *features) {");
        text.line("    float scores[" + upper + "_CLASSES];");
        text.line("    " + base + "_scores(features, scores);");
        text.line("    return bc_argmax(scores, " + upper + "_CLASSES);");
        text.line("}");
    }

    /** Arrays are named by layer index: Java field names may hold characters C identifiers cannot. */
    private static String prefix(int index) {
        return "L" + index;
    }
}
