package org.binaryconnect.runtime.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.runtime.io.AtomicFiles;

/**
 * Writes a packed model as portable C99: {@code <name>.h} declares the input size, the class count,
 * {@code <name>_predict} and {@code <name>_scores}; {@code <name>.c} holds the packed weights as constant arrays
 * and calls, layer by layer, the kernels of {@code binaryconnect_kernels.h} ({@link CKernels}), which is written
 * next to them unchanged; the semantics are the packed format's ({@code docs/packed-model-format.md}). The .c is
 * the only file to compile. No allocation, no globals that change: safe to call from several threads.
 */
public final class CExporter {

    private CExporter() {
    }

    /**
     * Writes {@code <directory>/<name>.h}, {@code .c} and {@code binaryconnect_kernels.h}, e.g.
     * {@code fashionmlp.h}; returns the three files.
     */
    public static List<Path> write(PackedModel model, Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = baseName(model);
        Path header = directory.resolve(base + ".h");
        Path source = directory.resolve(base + ".c");
        Path kernels = directory.resolve(CKernels.FILE_NAME);
        writeAtomically(header, header(model));
        writeAtomically(source, new CSource(model, base).text());
        writeAtomically(kernels, CKernels.text());
        return List.of(header, source, kernels);
    }

    /** The file and function prefix: the spec's name in lower case, e.g. {@code fashionmlp}. */
    public static String baseName(PackedModel model) {
        return identifier(model.name()).toLowerCase(Locale.ROOT);
    }

    /** The prefix of the header's macros, e.g. {@code FASHIONMLP}. */
    static String macroPrefix(PackedModel model) {
        return identifier(model.name()).toUpperCase(Locale.ROOT);
    }

    /** A Java name as a C identifier: Java allows {@code $} and letters beyond ASCII, C99 does not portably. */
    private static String identifier(String javaName) {
        return javaName.replaceAll("[^A-Za-z0-9_]", "_");
    }

    static String header(PackedModel model) {
        String base = baseName(model);
        String upper = macroPrefix(model);
        String guard = upper + "_H";
        return new CText()
                .comment("", model.name() + " (" + model.specClass() + "), fingerprint " + model.fingerprint() + ".")
                .comment("", "Written by mvn binaryconnect:export; do not edit. Compile " + base + ".c, with "
                        + CKernels.FILE_NAME + " next to it.")
                .line("#ifndef " + guard)
                .line("#define " + guard)
                .line("")
                .line("#ifdef __cplusplus")
                .line("extern \"C\" {")
                .line("#endif")
                .line("")
                .comment("", "Features per sample, flattened in the declared input shape's order.")
                .line("#define " + upper + "_INPUT_SIZE " + model.inputSize())
                .line("#define " + upper + "_CLASSES " + model.classes())
                .line("")
                .comment("", "The stack one call of " + base + "_scores or " + base + "_predict takes for its"
                        + " buffers, in bytes (no allocation, no shared state: calls from several threads are safe)."
                        + " Give a thread at least this much stack beyond its own use.")
                .line("#define " + upper + "_STACK_BYTES " + CSource.stackBytes(model.layers()))
                .line("")
                .comment("", "Compile without fused multiply-adds (gcc: -ffp-contract=off, or -std=c99; clang: "
                        + CKernels.FILE_NAME + " says so itself) for exactly the generated Java inference's sums.")
                .comment("", "The predicted class of one sample's features, already preprocessed as the training"
                        + " network's inputs were: the index of the largest score, the first one on ties.")
                .line("int " + base + "_predict(const float *features);")
                .line("")
                .comment("", "The stack one call of " + base + "_predict_pixels takes for its buffers, in bytes.")
                .line("#define " + upper + "_PIXELS_STACK_BYTES " + (CSource.stackBytes(model.layers())
                        + CPipelineSource.extraStackBytes(model)))
                .line("")
                .comment("", "The features of one image of " + upper + "_INPUT_SIZE raw unsigned bytes: the input"
                        + " pipeline training used (" + model.pipeline() + "), with its fitted values, computed"
                        + " as training computed it." + (model.pipeline().contrastNormalization()
                        ? " It calls sqrt: link with -lm." : ""))
                .line("void " + base + "_features(const unsigned char *pixels, float *features);")
                .line("")
                .comment("", "The predicted class of one image of raw unsigned bytes: " + base + "_features, then "
                        + base + "_predict.")
                .line("int " + base + "_predict_pixels(const unsigned char *pixels);")
                .line("")
                .comment("", "The name of class index as the training data gave it (its index as text where the"
                        + " data named none); a null pointer outside 0 .. " + upper + "_CLASSES - 1.")
                .line("const char *" + base + "_class_name(int index);")
                .line("")
                .comment("", "The " + upper + "_CLASSES scores of one sample (the last layer's outputs) into scores.")
                .line("void " + base + "_scores(const float *features, float *scores);")
                .line("")
                .line("#ifdef __cplusplus")
                .line("}")
                .line("#endif")
                .line("")
                .line("#endif")
                .toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII));
    }
}
