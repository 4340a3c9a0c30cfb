package org.binaryconnect.processor.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.processor.specs.ConvInferenceNetInference;
import org.binaryconnect.processor.specs.ConvInferenceNetNetwork;
import org.binaryconnect.runtime.export.CExporter;
import org.binaryconnect.runtime.export.PackedModel;
import org.binaryconnect.runtime.export.PackedModelWriter;
import org.binaryconnect.runtime.network.NamedArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The conv inference kernels, generated Java and exported C, against the runtime's own kernels: a
 * {@link ConvInferenceNetNetwork} with random weights and batch norm statistics (gamma negative for some filters,
 * which must not change what the max-pool picks) predicts a batch of random inputs with
 * {@code EvaluationWeights.BINARY}; the packed model's Java and C scores equal its scores. No training.
 */
class ConvInferenceTest {

    private static final int BATCH = ConvInferenceNetNetwork.BATCH_SIZE;

    /**
     * Relative to the score: the packed scale and shift keep 15 mantissa bits (relative 2^-16), and the unnormalized
     * random sums here reach tens, so scores move by up to about 1e-3. A wrong pool (the min where the runtime takes
     * the max) or a wrong receptive field moves them by tenths or more.
     */
    private static final double TOLERANCE = 3e-3;

    @TempDir
    Path directory;

    /** {@code network} with random state from {@code seed}; some of every batch norm's gammas negative. */
    static ConvInferenceNetNetwork randomNetwork(long seed) {
        Random random = new Random(seed);
        ConvInferenceNetNetwork network = new ConvInferenceNetNetwork();
        for (NamedArray named : network.state()) {
            INDArray array = named.array();
            String name = named.name();
            float[] values = new float[(int) array.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (name.endsWith(".runningStd") ? 0.2 + 2 * random.nextDouble()
                        : name.endsWith(".gamma") ? (i % 3 == 0 ? -1 : 1) * (0.3 + random.nextDouble())
                        : name.endsWith(".W") ? random.nextGaussian() * 0.5
                        : random.nextDouble() - 0.5);
            }
            array.assign(Nd4j.createFromArray(values).reshape(array.shape()).castTo(array.dataType()));
        }
        return network;
    }

    private static float[][] randomFeatures(long seed) {
        Random random = new Random(seed);
        float[][] features = new float[BATCH][ConvInferenceNetInference.INPUT_SIZE];
        for (float[] row : features) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextFloat() * 2 - 1;
            }
        }
        return features;
    }

    /** The training class's own forward pass: binary weights, batch norm on the running statistics. */
    private static float[][] runtimeScores(ConvInferenceNetNetwork network, float[][] features) {
        INDArray input = network.input();
        for (int s = 0; s < BATCH; s++) {
            for (int i = 0; i < features[s].length; i++) {
                input.putScalar(s, i, features[s][i]);
            }
        }
        network.prepareEvaluation(EvaluationWeights.BINARY);
        INDArray scores = network.predict();
        float[][] result = new float[BATCH][ConvInferenceNetInference.CLASSES];
        for (int s = 0; s < BATCH; s++) {
            for (int k = 0; k < result[s].length; k++) {
                result[s][k] = scores.getFloat(s, k);
            }
        }
        return result;
    }

    @Test
    void javaAndCScoresEqualTheRuntimeKernels() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            ConvInferenceNetNetwork network = randomNetwork(seed);
            float[][] features = randomFeatures(seed + 100);
            float[][] expected = runtimeScores(network, features);
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            PackedModelWriter.write(network, packed);
            ConvInferenceNetInference inference = ConvInferenceNetInference.load(
                    new ByteArrayInputStream(packed.toByteArray()));
            float[][] c = cScores(directory.resolve("seed" + seed), PackedModel.of(network), features);
            for (int s = 0; s < BATCH; s++) {
                float[] java = inference.scores(features[s]);
                for (int k = 0; k < expected[s].length; k++) {
                    double tolerance = TOLERANCE * Math.max(1, Math.abs(expected[s][k]));
                    assertEquals(expected[s][k], java[k], tolerance, "Java, seed " + seed + " sample " + s
                            + " class " + k);
                    assertEquals(expected[s][k], c[s][k], tolerance, "C, seed " + seed + " sample " + s + " class "
                            + k);
                }
            }
        }
    }

    @Test
    void negativeGammaIsAppliedAfterThePool() throws Exception {
        ConvInferenceNetNetwork network = randomNetwork(7);
        float[][] features = randomFeatures(8);
        float[][] expected = runtimeScores(network, features);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        PackedModelWriter.write(network, packed);
        ConvInferenceNetInference inference = ConvInferenceNetInference.load(
                new ByteArrayInputStream(packed.toByteArray()));
        // the same network with every conv1 gamma's sign flipped: a kernel that folded scale into the sums before
        // the pool would pick the min where the runtime picks the max, and could not match both
        for (NamedArray named : network.state()) {
            if (named.name().equals("conv1.gamma")) {
                named.array().negi();
            }
        }
        float[][] flipped = runtimeScores(network, features);
        ByteArrayOutputStream packedFlipped = new ByteArrayOutputStream();
        PackedModelWriter.write(network, packedFlipped);
        ConvInferenceNetInference inferenceFlipped = ConvInferenceNetInference.load(
                new ByteArrayInputStream(packedFlipped.toByteArray()));
        boolean differ = false;
        for (int s = 0; s < BATCH; s++) {
            float[] java = inference.scores(features[s]);
            float[] javaFlipped = inferenceFlipped.scores(features[s]);
            for (int k = 0; k < expected[s].length; k++) {
                assertEquals(expected[s][k], java[k], TOLERANCE * Math.max(1, Math.abs(expected[s][k])));
                assertEquals(flipped[s][k], javaFlipped[k], TOLERANCE * Math.max(1, Math.abs(flipped[s][k])));
                differ |= Math.abs(expected[s][k] - flipped[s][k]) > 0.1;
            }
        }
        assertTrue(differ, "flipping gamma changed no score: the test would not see a wrong pool");
    }

    /** The exported C's scores of {@code features}, compiled with gcc. */
    static float[][] cScores(Path directory, PackedModel model, float[][] features)
            throws IOException, InterruptedException {
        CExporter.write(model, directory);
        String base = CExporter.baseName(model);
        String upper = base.toUpperCase(Locale.ROOT);
        StringBuilder samples = new StringBuilder();
        for (float[] row : features) {
            for (float value : row) {
                samples.append(Float.toString(value)).append("f,");
            }
            samples.append('\n');
        }
        Files.writeString(directory.resolve("driver.c"), String.join("\n",
                "#include <stdio.h>",
                "#include \"" + base + ".h\"",
                "static const float SAMPLES[] = {", samples.toString(), "};",
                "int main(void) {",
                "    float scores[" + upper + "_CLASSES];",
                "    int s, k;",
                "    for (s = 0; s < " + features.length + "; s++) {",
                "        " + base + "_scores(SAMPLES + s * " + upper + "_INPUT_SIZE, scores);",
                "        for (k = 0; k < " + upper + "_CLASSES; k++) {",
                "            printf(\"%.9g\\n\", scores[k]);",
                "        }",
                "    }",
                "    return 0;",
                "}", ""), StandardCharsets.US_ASCII);
        run(directory, "gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-o", "driver", "driver.c",
                base + ".c");
        List<String> lines = run(directory, "./driver");
        int classes = model.classes();
        assertEquals(features.length * classes, lines.size(), "lines of scores: " + lines);
        float[][] scores = new float[features.length][classes];
        for (int i = 0; i < lines.size(); i++) {
            scores[i / classes][i % classes] = Float.parseFloat(lines.get(i));
        }
        return scores;
    }

    private static List<String> run(Path directory, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("could not run " + command[0] + " (the C export test needs gcc: apt-get install gcc): " + e);
        }
        List<String> output = new ArrayList<>(new String(process.getInputStream().readAllBytes(),
                StandardCharsets.US_ASCII).lines().toList());
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed: " + output);
        return output;
    }
}
