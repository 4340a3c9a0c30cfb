package org.binaryconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.e2e.specs.ParityFashionMlpInference;
import org.binaryconnect.e2e.specs.ParityFashionMlpNetwork;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.export.CExporter;
import org.binaryconnect.runtime.export.PackedModel;
import org.binaryconnect.runtime.export.PackedModelWriter;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exported model predicts what the trained model predicts: the 784-1024x3-10 BinaryConnect MLP, trained for one
 * epoch on Fashion-MNIST, evaluated with binary weights on all 10,000 test images, against the generated
 * JDK-only inference class reading the packed file and against the exported C compiled with gcc.
 */
class ExportParityTest {

    @TempDir
    Path directory;

    @Test
    void javaAndCInferenceAgreeWithTheTrainedNetworkOnEveryTestImage() throws Exception {
        Dataset dataset = IdxDataset.load(IdxDataset.DEBIAN_FASHION_MNIST, 784, 10);
        ParityFashionMlpNetwork network = new ParityFashionMlpNetwork();
        new Trainer(network, new TrainingConfig(1, 1e-3, 1e-4, 10_000, 21, directory.resolve("training")), line -> { })
                .train(dataset.split(10_000));
        Samples test = dataset.test();
        float[][] features = features(test);
        int[] trained = trainedPredictions(network, ParityFashionMlpNetwork.BATCH_SIZE, test);

        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        PackedModelWriter.write(network, packed);
        ParityFashionMlpInference inference = ParityFashionMlpInference.load(new ByteArrayInputStream(packed.toByteArray()));
        int javaMismatches = 0;
        for (int i = 0; i < features.length; i++) {
            if (inference.predict(features[i]) != trained[i]) {
                javaMismatches++;
            }
        }
        int[] batched = inference.predict(features);
        int batchMismatches = 0;
        for (int i = 0; i < features.length; i++) {
            if (batched[i] != trained[i]) {
                batchMismatches++;
            }
        }
        int[] c = cPredictions(directory, PackedModel.of(network), features);
        int cMismatches = 0;
        for (int i = 0; i < features.length; i++) {
            if (c[i] != trained[i]) {
                cMismatches++;
            }
        }

        assertEquals(10_000, features.length);
        assertEquals(0, javaMismatches, "Java inference predictions that differ from the trained network's");
        assertEquals(0, batchMismatches, "Java batch predictions that differ from the trained network's");
        assertEquals(0, cMismatches, "C inference predictions that differ from the trained network's");
        System.out.printf("export parity: %d Java (%d in one batch) and %d C mismatches on %d images; packed %d"
                + " bytes, float32 %d%n", javaMismatches, batchMismatches, cMismatches, features.length, packed.size(), PackedModel.of(network).float32WeightBytes());
        assertTrue(accuracy(trained, test) > 0.8, "the trained network learned: " + accuracy(trained, test));
        // the budget: at most 1/30 of the float32 weights
        assertTrue(packed.size() * 30L <= PackedModel.of(network).float32WeightBytes(),
                "packed " + packed.size() + " bytes against " + PackedModel.of(network).float32WeightBytes());
    }

    static float[][] features(Samples samples) {
        float[][] features = new float[samples.size()][samples.features()];
        for (int i = 0; i < samples.size(); i++) {
            for (int j = 0; j < samples.features(); j++) {
                features[i][j] = samples.feature(i, j);
            }
        }
        return features;
    }

    /** The trained network's own predictions with deterministic binary weights and running statistics. */
    static int[] trainedPredictions(TrainableNetwork network, int batch, Samples samples) {
        network.prepareEvaluation(EvaluationWeights.BINARY);
        Buf input = Buf.of(network.input());
        int[] predictions = new int[samples.size()];
        for (int first = 0; first < samples.size(); first += batch) {
            int rows = Math.min(batch, samples.size() - first);
            for (int r = 0; r < rows; r++) {
                samples.copyFeatures(first + r, input, r * samples.features());
            }
            INDArray scores = network.predict();
            for (int r = 0; r < rows; r++) {
                predictions[first + r] = argmax(scores, r);
            }
        }
        return predictions;
    }

    private static int argmax(INDArray scores, int row) {
        int best = 0;
        for (int c = 1; c < scores.columns(); c++) {
            if (scores.getFloat(row, c) > scores.getFloat(row, best)) {
                best = c;
            }
        }
        return best;
    }

    /** The predictions of the exported C, compiled with gcc in {@code directory}, one process for all samples. */
    static int[] cPredictions(Path directory, PackedModel model, float[][] features)
            throws IOException, InterruptedException {
        Path c = directory.resolve("c");
        CExporter.write(model, c);
        String base = CExporter.baseName(model);
        ByteBuffer data = ByteBuffer.allocate(features.length * features[0].length * 4).order(ByteOrder.nativeOrder());
        for (float[] row : features) {
            for (float value : row) {
                data.putFloat(value);
            }
        }
        Files.write(c.resolve("features.bin"), data.array());
        String prefix = base.toUpperCase(java.util.Locale.ROOT);
        Files.writeString(c.resolve("driver.c"), String.join("\n",
                "#include <stdio.h>",
                "#include \"" + base + ".h\"",
                "int main(void) {",
                "    static float features[" + prefix + "_INPUT_SIZE];",
                "    FILE *in = fopen(\"features.bin\", \"rb\");",
                "    if (in == NULL) { return 2; }",
                "    while (fread(features, sizeof(float), " + prefix + "_INPUT_SIZE, in) == " + prefix
                        + "_INPUT_SIZE) {",
                "        printf(\"%d\\n\", " + base + "_predict(features));",
                "    }",
                "    fclose(in);",
                "    return 0;",
                "}", ""), StandardCharsets.US_ASCII);
        run(c, "gcc", "-std=c99", "-O2", "-Wall", "-Werror", "-o", "driver", "driver.c", base + ".c");
        List<String> lines = run(c, "./driver");
        return lines.stream().mapToInt(Integer::parseInt).toArray();
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

    static double accuracy(int[] predictions, Samples samples) {
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            correct += predictions[i] == samples.label(i) ? 1 : 0;
        }
        return (double) correct / predictions.length;
    }
}
