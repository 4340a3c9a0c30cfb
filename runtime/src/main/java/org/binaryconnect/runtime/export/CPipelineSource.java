package org.binaryconnect.runtime.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.inference.InputPipeline;

/**
 * The part of an exported network's C that starts from raw pixels: the recorded input pipeline's fitted values as
 * constant arrays, {@code <base>_features} calling the pipeline steps of {@code binaryconnect_kernels.h} that the
 * model records (in the order the Java {@link InputPipeline} applies them), {@code <base>_predict_pixels}, and
 * {@code <base>_class_name}.
 */
final class CPipelineSource {

    private final PackedModel model;
    private final String base;
    private final CText text;

    CPipelineSource(PackedModel model, String base, CText text) {
        this.model = model;
        this.base = base;
        this.text = text;
    }

    void write() {
        InputPipeline pipeline = model.pipeline();
        int n = model.inputSize();
        String upper = CExporter.macroPrefix(model);
        text.comment("", "The input pipeline training used: " + pipeline + ".");
        if (pipeline.centering()) {
            CSource.floats(text, "PIPELINE_CENTER", pipeline.centeringMeans());
        }
        if (pipeline.whitening()) {
            List<String> literals = new ArrayList<>(n);
            for (double value : pipeline.whiteningMean()) {
                literals.add(Double.toString(value));
            }
            text.values("static const double PIPELINE_ZCA_MEAN[" + n + "] = {", literals, "};");
            CSource.floats(text, "PIPELINE_ZCA_MATRIX", pipeline.whiteningMatrix());
        }
        text.line("");
        text.line("void " + base + "_features(const unsigned char *pixels, float *features) {");
        if (pipeline.whitening()) {
            text.line("    float centred[" + upper + "_INPUT_SIZE];");
        }
        text.line("    bc_scale_bytes(pixels, " + upper + "_INPUT_SIZE, " + CSource.literal(pipeline.low()) + ", "
                + CSource.literal(pipeline.high()) + ", features);");
        if (pipeline.contrastNormalization()) {
            text.line("    bc_contrast_normalize(features, " + upper + "_INPUT_SIZE, "
                    + Double.toString(pipeline.contrastScale()) + ");");
        }
        if (pipeline.centering()) {
            text.line("    bc_center(features, " + upper + "_INPUT_SIZE, PIPELINE_CENTER);");
        }
        if (pipeline.whitening()) {
            text.line("    bc_whiten(features, " + upper + "_INPUT_SIZE, PIPELINE_ZCA_MEAN, PIPELINE_ZCA_MATRIX,"
                    + " centred);");
        }
        text.line("}");
        text.line("");
        text.line("int " + base + "_predict_pixels(const unsigned char *pixels) {");
        text.line("    float features[" + upper + "_INPUT_SIZE];");
        text.line("    " + base + "_features(pixels, features);");
        text.line("    return " + base + "_predict(features);");
        text.line("}");
        text.line("");
        List<String> names = new ArrayList<>();
        for (int k = 0; k < model.classes(); k++) {
            names.add(stringLiteral(model.classNames().isEmpty() ? Integer.toString(k)
                    : model.classNames().get(k)));
        }
        text.line("const char *" + base + "_class_name(int index) {");
        text.values("    static const char *const NAMES[" + upper + "_CLASSES] = {", names, "    };");
        text.line("    if (index < 0 || index >= " + upper + "_CLASSES) {");
        text.line("        return 0;");
        text.line("    }");
        text.line("    return NAMES[index];");
        text.line("}");
    }

    /** The stack {@code <base>_predict_pixels} takes beyond {@code <base>_predict}'s: the features, ZCA's scratch. */
    static long extraStackBytes(PackedModel model) {
        return 4L * model.inputSize() * (model.pipeline().whitening() ? 2 : 1);
    }

    /**
     * A C string literal of {@code value}'s UTF-8 bytes: printable ASCII as it is, everything else (and the quote,
     * the backslash and the question mark, which could start a trigraph) as a three-digit octal escape.
     */
    static String stringLiteral(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
                literal.append((char) c);
            } else {
                literal.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + (c >> 3 & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
        return literal.append('"').toString();
    }
}
