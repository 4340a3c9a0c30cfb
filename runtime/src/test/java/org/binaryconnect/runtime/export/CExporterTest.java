package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the exported C with {@code gcc -std=c99 -O2 -Wall -Wextra -Werror -pedantic} and a driver, runs it and
 * compares its scores and predictions with the Java evaluation of the same packed model (dense and conv); checks
 * what the files hold and that no line is longer than 120 characters. Needs gcc ({@link Gcc}).
 */
class CExporterTest {

    private static final int SAMPLES = 25;

    @TempDir
    Path dir;

    @Test
    void compiledCMatchesTheJavaEvaluationOfADeepNetwork() throws Exception {
        checkAgainstJava(PackedModel.of(ExportNetworks.deep(11)), 100);
    }

    @Test
    void compiledCMatchesTheJavaEvaluationOfATwoLayerNetworkWithMoreThan64Inputs() throws Exception {
        checkAgainstJava(PackedModel.of(ExportNetworks.hand()), ExportNetworks.HAND_INPUTS);
    }

    @Test
    void compiledCMatchesTheJavaEvaluationOfAConvNetworkWithAPoolAndNegativeGamma() throws Exception {
        checkAgainstJava(PackedModel.of(ConvolutionExportTest.network(5, 0.5)),
                ConvolutionExportTest.CONV.inputSize());
    }

    @Test
    void everyLineOfTheExportFitsIn120Columns() throws Exception {
        List<PackedModel> models = List.of(PackedModel.of(ExportNetworks.deep(7)),
                PackedModel.of(ConvolutionExportTest.network(1, 1)), PackedModel.of(longNames()));
        for (PackedModel model : models) {
            Path directory = dir.resolve(CExporter.baseName(model));
            for (Path file : CExporter.write(model, directory)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                for (int k = 0; k < lines.size(); k++) {
                    assertTrue(lines.get(k).length() <= 120, file.getFileName() + ":" + (k + 1) + " has "
                            + lines.get(k).length() + " characters: " + lines.get(k));
                }
            }
        }
        // the long names wrap and still compile
        Path longNames = dir.resolve(CExporter.baseName(models.get(2)));
        Gcc.compile(longNames, List.of("-c", CExporter.baseName(models.get(2)) + ".c"));
    }

    @Test
    void theSourceHoldsOnlyTheNetworkAndIncludesTheKernels() throws IOException {
        List<Path> files = CExporter.write(PackedModel.of(ConvolutionExportTest.network(1, 1)), dir);
        String source = Files.readString(files.get(1));

        assertTrue(source.contains("#include \"binaryconnect_kernels.h\"\n#include \"conv.h\"\n"), source);
        assertTrue(source.contains("static const int L0_GEOMETRY[G_FIELDS] = {\n    [G_CHANNELS] = 2, [G_HEIGHT] = 7,"),
                source);
        assertTrue(source.contains("    bc_binary_conv(features, L0_GEOMETRY, L0_BITS, L0_SCALE, L0_SHIFT, 1, patch,"
                + " table, sums, a);\n"), source);
        assertTrue(source.contains("    return bc_argmax(scores, CONV_CLASSES);\n"), source);
        assertFalse(source.contains("static inline"), "the kernels are in binaryconnect_kernels.h, not here");
        assertEquals(CKernels.text(), Files.readString(files.get(2)));
    }

    @Test
    void headerDeclaresTheSizesAndFunctions() throws IOException {
        List<Path> files = CExporter.write(PackedModel.of(ExportNetworks.hand()), dir);

        assertEquals(List.of(dir.resolve("hand.h"), dir.resolve("hand.c"), dir.resolve("binaryconnect_kernels.h")),
                files);
        String header = Files.readString(files.get(0));
        assertTrue(header.contains("#define HAND_INPUT_SIZE 70\n"), header);
        assertTrue(header.contains("#define HAND_CLASSES 2\n"), header);
        assertTrue(header.contains("int hand_predict(const float *features);\n"), header);
        assertTrue(header.contains("void hand_scores(const float *features, float *scores);\n"), header);
        // 3 hidden activations, and binary_dense's 16 x 256 table plus its two 16-entry halves: 4,131 floats
        assertTrue(header.contains("#define HAND_STACK_BYTES 16524\n"), header);
    }

    /**
     * {@code <base>_features} computes the recorded pipeline (every step, fitted values) as the Java kernel does, bit
     * for bit, {@code <base>_predict_pixels} predicts from them, and {@code <base>_class_name} gives the recorded
     * names as UTF-8, or null outside the classes.
     */
    @Test
    void thePixelEntryPointAppliesTheRecordedPipelineBitForBitAndNamesTheClasses() throws Exception {
        int n = ExportNetworks.HAND_INPUTS;
        Random random = new Random(5);
        float[] means = new float[n];
        double[] mean = new double[n];
        float[] matrix = new float[n * n];
        for (int i = 0; i < n; i++) {
            means[i] = (float) random.nextGaussian();
            mean[i] = random.nextGaussian();
        }
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) (random.nextGaussian() / 8);
        }
        InputPipeline pipeline = InputPipeline.scaling(n, 0f, 1f).withContrastNormalization(55).withCentering(means)
                .withWhitening(mean, matrix);
        PackedModel model = PackedModel.of(ExportNetworks.hand(), pipeline,
                List.of("caf\u00e9 \"noir\"?", "T-shirt/top"));
        byte[][] images = new byte[SAMPLES][n];
        for (byte[] image : images) {
            random.nextBytes(image);
        }
        CExporter.write(model, dir);
        Files.writeString(dir.resolve("pixels.c"), pixelDriver(images), StandardCharsets.US_ASCII);
        Path executable = dir.resolve("pixels");
        Gcc.compile(dir, List.of("-o", executable.toString(), dir.resolve("pixels.c").toString(),
                dir.resolve("hand.c").toString(), "-lm"));

        List<String> lines = Gcc.run(dir, List.of(executable.toString())).lines().toList();

        assertEquals(SAMPLES + 1, lines.size(), lines.toString());
        for (int s = 0; s < SAMPLES; s++) {
            float[] expected = pipeline.features(images[s]);
            String[] fields = lines.get(s).trim().split(" ");
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Integer.parseUnsignedInt(fields[i + 1], 16),
                        "sample " + s + " feature " + i);
            }
            assertEquals(ReferenceEvaluation.argmax(ReferenceEvaluation.folded(model, expected)),
                    Integer.parseInt(fields[0]), "sample " + s);
        }
        assertEquals("caf\u00e9 \"noir\"?|T-shirt/top|(null)", lines.get(SAMPLES));
    }

    /** Per image: the predicted class and the features' bits in hex; then the class names and index 2's. */
    private static String pixelDriver(byte[][] images) {
        StringBuilder c = new StringBuilder();
        c.append("#include <stdio.h>\n#include <string.h>\n#include <stdint.h>\n#include \"hand.h\"\n\n");
        c.append("static const unsigned char PIXELS[").append(images.length).append("][HAND_INPUT_SIZE] = {\n");
        for (byte[] image : images) {
            c.append("    {");
            for (int i = 0; i < image.length; i++) {
                c.append(i == 0 ? "" : ", ").append(image[i] & 0xff);
            }
            c.append("},\n");
        }
        c.append("};\n\nint main(void) {\n    int s;\n    int i;\n");
        c.append("    for (s = 0; s < ").append(images.length).append("; s++) {\n");
        c.append("        float features[HAND_INPUT_SIZE];\n");
        c.append("        hand_features(PIXELS[s], features);\n");
        c.append("        printf(\"%d\", hand_predict_pixels(PIXELS[s]));\n");
        c.append("        for (i = 0; i < HAND_INPUT_SIZE; i++) {\n            uint32_t bits;\n");
        c.append("            memcpy(&bits, &features[i], 4);\n");
        c.append("            printf(\" %08lx\", (unsigned long) bits);\n        }\n");
        c.append("        printf(\"\\n\");\n    }\n");
        c.append("    printf(\"%s|%s|%s\\n\", hand_class_name(0), hand_class_name(1),");
        c.append(" hand_class_name(2) == 0 ? \"(null)\" : \"not null\");\n    return 0;\n}\n");
        return c.toString();
    }

    @Test
    void sameModelSameBytes() throws IOException {
        PackedModel model = PackedModel.of(ExportNetworks.deep(3));
        CExporter.write(model, dir.resolve("a"));
        CExporter.write(model, dir.resolve("b"));

        assertEquals(Files.readString(dir.resolve("a/deep.c")), Files.readString(dir.resolve("b/deep.c")));
    }

    private void checkAgainstJava(PackedModel model, int inputs) throws Exception {
        Random random = new Random(17);
        float[][] features = new float[SAMPLES][];
        for (int s = 0; s < SAMPLES; s++) {
            features[s] = ExportNetworks.features(random, inputs);
        }
        CExporter.write(model, dir);
        String base = CExporter.baseName(model);
        Files.writeString(dir.resolve("driver.c"), driver(base, features), StandardCharsets.US_ASCII);
        Path executable = dir.resolve("driver");
        Gcc.compile(dir, List.of("-o", executable.toString(), dir.resolve("driver.c").toString(),
                dir.resolve(base + ".c").toString()));

        List<String> lines = Gcc.run(dir, List.of(executable.toString())).lines().toList();

        assertEquals(SAMPLES, lines.size(), lines.toString());
        for (int s = 0; s < SAMPLES; s++) {
            String[] fields = lines.get(s).trim().split(" ");
            float[] expected = ReferenceEvaluation.folded(model, features[s]);
            assertEquals(expected.length + 1, fields.length, lines.get(s));
            for (int k = 0; k < expected.length; k++) {
                float actual = Float.parseFloat(fields[k + 1]);
                assertEquals(expected[k], actual, 1e-4 * Math.max(1, Math.abs(expected[k])),
                        "sample " + s + " class " + k + ": " + lines.get(s));
            }
            assertEquals(ReferenceEvaluation.argmax(expected), Integer.parseInt(fields[0]), "sample " + s);
        }
    }

    /** {@link ExportNetworks#hand()} under a spec name of 60 characters in a long package. */
    private static FixedStateNetwork longNames() {
        FixedStateNetwork hand = ExportNetworks.hand();
        String name = "AVeryLongNetworkNameThatSomeoneMightReallyWriteInTheirProjec";
        NetworkDescription d = hand.description();
        return new FixedStateNetwork(ExportNetworks.description(name, "org.example.some.rather.deep.package.name."
                + "for.networks." + name, d.inputShape(), d.classes(), d.layers()), hand.state());
    }

    /** Prints, per sample, the predicted class and the scores. */
    private static String driver(String base, float[][] features) {
        String upper = base.toUpperCase(Locale.ROOT);
        StringBuilder c = new StringBuilder();
        c.append("#include <stdio.h>\n#include \"").append(base).append(".h\"\n\n");
        c.append("static const float FEATURES[").append(features.length).append("][").append(upper)
                .append("_INPUT_SIZE] = {\n");
        for (float[] sample : features) {
            c.append("    {");
            for (int i = 0; i < sample.length; i++) {
                c.append(i == 0 ? "" : ", ").append(CSource.literal(sample[i]));
            }
            c.append("},\n");
        }
        c.append("};\n\nint main(void) {\n");
        c.append("    int s;\n    int k;\n");
        c.append("    for (s = 0; s < ").append(features.length).append("; s++) {\n");
        c.append("        float scores[").append(upper).append("_CLASSES];\n");
        c.append("        ").append(base).append("_scores(FEATURES[s], scores);\n");
        c.append("        printf(\"%d\", ").append(base).append("_predict(FEATURES[s]));\n");
        c.append("        for (k = 0; k < ").append(upper).append("_CLASSES; k++) {\n");
        c.append("            printf(\" %.9g\", (double) scores[k]);\n        }\n");
        c.append("        printf(\"\\n\");\n    }\n    return 0;\n}\n");
        return c.toString();
    }
}
