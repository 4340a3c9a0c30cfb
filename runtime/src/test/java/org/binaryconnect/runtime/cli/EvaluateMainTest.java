package org.binaryconnect.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.IdxFiles;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.data.SyntheticImages;
import org.binaryconnect.runtime.export.ExportNetworks;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.train.EvaluationReport;
import org.binaryconnect.runtime.train.Evaluator;
import org.binaryconnect.runtime.train.LinearSoftmaxNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class EvaluateMainTest {

    private static final String NETWORK = LinearSoftmaxNetwork.class.getName();
    /** The model's weights: any seed other than the declared one (77), so that loading visibly changes them. */
    private static final long MODEL_SEED = 5;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EvaluateMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String lastErrorLine() {
        List<String> lines = lines(err);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** 120 training samples (the network declares 60 for validation) and 30 test samples of 4x4, 3 classes. */
    private Path data() {
        return IdxFiles.writeDataset(dir.resolve("data"), SyntheticImages.generate(120, 4, 4, 3, 1),
                SyntheticImages.generate(30, 4, 4, 3, 2), true);
    }

    private Path model() throws IOException {
        Path model = dir.resolve("out/model.bin");
        ModelFile.save(model, new LinearSoftmaxNetwork(DataType.FLOAT, MODEL_SEED), 2);
        return model;
    }

    /** The report computed without EvaluateMain: the saved weights, the Evaluator, the matrix. */
    private static EvaluationReport expected(Path data, Samples samples, String part, EvaluationWeights weights) {
        LinearSoftmaxNetwork network = new LinearSoftmaxNetwork(DataType.FLOAT, MODEL_SEED);
        Evaluator.Outcome outcome = new Evaluator(network).outcome(samples, weights, 1);
        int[] labels = new int[samples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = samples.label(i);
        }
        // the loss the network itself computes on one batch of these samples' scores
        assertEquals(softmaxCrossEntropyOf(network, samples), outcome.loss(), 1e-6);
        return new EvaluationReport("LinearSoftmax", part, data, weights, outcome.loss(),
                ConfusionMatrix.of(3, labels, outcome.predicted()));
    }

    /** Mean softmax cross-entropy of the network's scores, computed here from predict() batch by batch. */
    private static double softmaxCrossEntropyOf(LinearSoftmaxNetwork network, Samples samples) {
        double sum = 0;
        for (int i = 0; i < samples.size(); i++) {
            Samples one = samples.range(i, i + 1);
            network.input().assign(0);
            for (int f = 0; f < one.features(); f++) {
                network.input().putScalar(0, f, one.feature(0, f));
            }
            org.nd4j.linalg.api.ndarray.INDArray scores = network.predict().getRow(0);
            double max = scores.maxNumber().doubleValue();
            double total = 0;
            for (int c = 0; c < 3; c++) {
                total += Math.exp(scores.getDouble(c) - max);
            }
            sum += max + Math.log(total) - scores.getDouble(one.label(0));
        }
        return sum / samples.size();
    }

    @Test
    void printsAndWritesTheReportOfTheTestPartWithTheDeclaredWeights() throws IOException {
        Path data = data();
        Path output = dir.resolve("out");

        int code = run("--network", NETWORK, "--model", model().toString(), "--data", data.toString(),
                "--output=" + output);

        assertEquals(TrainMain.OK, code, err.toString(StandardCharsets.UTF_8));
        EvaluationReport expected = expected(data, IdxDataset.load(data, 16, 3).test(), "test",
                EvaluationWeights.REAL);
        List<String> lines = lines(out);
        assertEquals(expected.lines(), lines.subList(0, lines.size() - 1));
        assertEquals("evaluation of LinearSoftmax on the test part of " + data + ": 30 samples, REAL weights",
                lines.get(0));
        assertEquals("report: " + output.resolve("evaluation.json") + ", " + output.resolve("confusion-matrix.csv"),
                lines.get(lines.size() - 1));
        assertEquals(expected.json(), Files.readString(output.resolve("evaluation.json")));
        assertEquals(expected.csv(), Files.readString(output.resolve("confusion-matrix.csv")));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theValidationAndTrainingPartsAreSplitAsTrainingSplitsThem() throws IOException {
        Path data = data();
        Path model = model();
        Samples training = IdxDataset.load(data, 16, 3).training();

        assertEquals(TrainMain.OK, run("--network", NETWORK, "--model", model.toString(), "--data", data.toString(),
                "--output", dir.resolve("validation").toString(), "--part", "validation", "--weights", "binary"));
        assertEquals(expected(data, training.range(60, 120), "validation", EvaluationWeights.BINARY).json(),
                Files.readString(dir.resolve("validation/evaluation.json")));

        assertEquals(TrainMain.OK, run("--network", NETWORK, "--model", model.toString(), "--data", data.toString(),
                "--output", dir.resolve("training").toString(), "--part=TRAINING"));
        assertEquals(expected(data, training.range(0, 60), "training", EvaluationWeights.REAL).json(),
                Files.readString(dir.resolve("training/evaluation.json")));
    }

    @Test
    void validationSamplesOverridesTheDeclaredSplit() throws IOException {
        Path data = data();
        Samples training = IdxDataset.load(data, 16, 3).training();

        assertEquals(TrainMain.OK, run("--network", NETWORK, "--model", model().toString(), "--data", data.toString(),
                "--output", dir.resolve("v").toString(), "--part", "validation", "--validation-samples", "25"));

        assertEquals(expected(data, training.range(95, 120), "validation", EvaluationWeights.REAL).json(),
                Files.readString(dir.resolve("v/evaluation.json")));

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--model", model().toString(), "--data",
                data.toString(), "--output", dir.resolve("v").toString(), "--part", "validation",
                "--validation-samples", "120"));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: validationSamples is 120, but "),
                lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--model", model().toString(), "--data",
                data.toString(), "--output", dir.resolve("empty").toString(), "--part", "validation",
                "--validation-samples", "0"));
        assertEquals("[binaryconnect] ERROR: The validation part is empty (validationSamples is 0): give the"
                + " validationSamples the network was trained with, or evaluate the test part.", lastErrorLine());
        assertFalse(Files.exists(dir.resolve("empty")), "no report of an accuracy over no sample");
    }

    @Test
    void aMissingModelSaysToTrainFirst() {
        Path missing = dir.resolve("out/model.bin");

        int code = run("--network", NETWORK, "--model", missing.toString(), "--data", data().toString(),
                "--output", dir.resolve("out").toString());

        assertEquals(TrainMain.USER_FAILURE, code);
        assertEquals("[binaryconnect] ERROR: There is no trained model of LinearSoftmax: " + missing
                + " does not exist; run mvn binaryconnect:train first (with the same outputDirectory).",
                lastErrorLine());
    }

    @Test
    void aModelOfAnotherNetworkOrMissingDataIsTheUsersProblemAndWritesNothing() throws IOException {
        Path other = dir.resolve("other.bin");
        ModelFile.save(other, new ExportNetworks.HandNetwork(DataType.FLOAT, 1), 1);
        Path output = dir.resolve("report");

        assertEquals(TrainMain.USER_FAILURE, run("--network", NETWORK, "--model", other.toString(), "--data",
                data().toString(), "--output", output.toString()));
        assertTrue(lastErrorLine().contains("was trained for a different network"), lastErrorLine());

        assertEquals(TrainMain.USER_FAILURE, run("--network", NETWORK, "--model", model().toString(), "--data",
                dir.resolve("nowhere").toString(), "--output", output.toString()));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: "), lastErrorLine());
        assertFalse(Files.exists(output));
    }

    @Test
    void badPartWeightsOrClassAreBadConfiguration() {
        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--model", "m", "--data", "d",
                "--output", "o", "--part", "holdout"));
        assertEquals("[binaryconnect] ERROR: --part expects test, validation or training, got 'holdout'.",
                lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--model", "m", "--data", "d",
                "--output", "o", "--weights", "AUTO"));
        assertEquals("[binaryconnect] ERROR: --weights expects BINARY, REAL or SAMPLED_AVERAGE, got 'AUTO'.",
                lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", "com.example.NoSuchNetwork", "--model", "m",
                "--data", "d", "--output", "o"));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: No class com.example.NoSuchNetwork"),
                lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--model", "m"));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: Option --output is required"), lastErrorLine());
    }
}
