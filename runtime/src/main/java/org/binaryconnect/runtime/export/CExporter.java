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
 * and the inference, with the packed format's semantics ({@code docs/packed-model-format.md}). No allocation,
 * no globals that change: safe to call from several threads.
 */
public final class CExporter {

    private CExporter() {
    }

    /** Writes {@code <directory>/<name>.h} and {@code .c}, e.g. {@code fashionmlp.h}; returns the two files. */
    public static List<Path> write(PackedModel model, Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = baseName(model);
        Path header = directory.resolve(base + ".h");
        Path source = directory.resolve(base + ".c");
        writeAtomically(header, header(model));
        writeAtomically(source, new CSource(model, base).text());
        return List.of(header, source);
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
        return "/* " + model.name() + " (" + model.specClass() + "), fingerprint " + model.fingerprint() + ".\n"
                + " * Written by mvn binaryconnect:export; do not edit. */\n"
                + "#ifndef " + guard + "\n"
                + "#define " + guard + "\n"
                + "\n"
                + "#ifdef __cplusplus\n"
                + "extern \"C\" {\n"
                + "#endif\n"
                + "\n"
                + "/* Features per sample, flattened in the declared input shape's order. */\n"
                + "#define " + upper + "_INPUT_SIZE " + model.inputSize() + "\n"
                + "#define " + upper + "_CLASSES " + model.classes() + "\n"
                + "\n"
                + "/* The stack one call of " + base + "_scores or " + base + "_predict takes for its buffers, in bytes\n"
                + "   (no allocation, no shared state: calls from several threads are safe). Give a thread at least\n"
                + "   this much stack beyond its own use. */\n"
                + "#define " + upper + "_STACK_BYTES " + CSource.stackBytes(model.layers()) + "\n"
                + "\n"
                + "/* Compile without fused multiply-adds (gcc: -ffp-contract=off, or -std=c99; clang: the .c file says\n"
                + "   so itself) for exactly the generated Java inference's sums. */\n"
                + "/* The predicted class of one sample: the index of the largest score, the first one on ties. */\n"
                + "int " + base + "_predict(const float *features);\n"
                + "\n"
                + "/* The " + upper + "_CLASSES scores of one sample (the last layer's outputs) into scores. */\n"
                + "void " + base + "_scores(const float *features, float *scores);\n"
                + "\n"
                + "#ifdef __cplusplus\n"
                + "}\n"
                + "#endif\n"
                + "\n"
                + "#endif\n";
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII));
    }
}
