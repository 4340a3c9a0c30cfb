package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the exported C with {@code gcc -std=c99 -O2 -Wall -Werror} and a driver, runs it and compares its
 * scores and predictions with the Java evaluation of the same packed model. Needs gcc: without it the test
 * fails rather than skips, so that a build without a C compiler cannot pass unchecked.
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
    void headerDeclaresTheSizesAndFunctions() throws IOException {
        List<Path> files = CExporter.write(PackedModel.of(ExportNetworks.hand()), dir);

        assertEquals(List.of(dir.resolve("hand.h"), dir.resolve("hand.c")), files);
        String header = Files.readString(files.get(0));
        assertTrue(header.contains("#define HAND_INPUT_SIZE 70\n"), header);
        assertTrue(header.contains("#define HAND_CLASSES 2\n"), header);
        assertTrue(header.contains("int hand_predict(const float *features);\n"), header);
        assertTrue(header.contains("void hand_scores(const float *features, float *scores);\n"), header);
        // 3 hidden activations, and binary_dense's 16 x 256 table plus its two 16-entry halves: 4,131 floats
        assertTrue(header.contains("#define HAND_STACK_BYTES 16524\n"), header);
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
        run(List.of(gcc(), "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic", "-o",
                executable.toString(), dir.resolve("driver.c").toString(), dir.resolve(base + ".c").toString()));

        List<String> lines = run(List.of(executable.toString())).lines().toList();

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

    private static String gcc() {
        try {
            Process probe = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor() == 0) {
                return "gcc";
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        return fail("gcc is needed to test the C export and was not found on the PATH: install gcc "
                + "(apt-get install gcc); CI has it.");
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 60 s");
        }
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
