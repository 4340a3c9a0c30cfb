package org.binaryconnect.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.export.ExportNetworks;
import org.binaryconnect.runtime.export.PackedModel;
import org.binaryconnect.runtime.export.PackedModelWriter;
import org.binaryconnect.runtime.export.RunnableHandNetwork;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.train.LinearSoftmaxNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class ExportMainTest {

    private static final String NETWORK = ExportNetworks.HandNetwork.class.getName();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String lastErrorLine() {
        List<String> lines = lines(err);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private Path trainedModel() throws IOException {
        Path model = dir.resolve("binaryconnect/Hand/model.bin");
        ModelFile.save(model, new ExportNetworks.HandNetwork(DataType.FLOAT, 1), 3);
        return model;
    }

    @Test
    void writesTheResourceNextToTheSpecAndTheCPairAndPrintsTheSizes() throws IOException {
        Path classes = dir.resolve("classes");
        Path c = dir.resolve("binaryconnect/Hand/c");

        int code = run("--network", NETWORK, "--model", trainedModel().toString(), "--resource-dir",
                classes.toString(), "--c-dir=" + c);

        assertEquals(TrainMain.OK, code, err.toString(StandardCharsets.UTF_8));
        Path resource = classes.resolve("org/example/nets/Hand.bcpk");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PackedModelWriter.write(new ExportNetworks.HandNetwork(DataType.FLOAT, 1), expected);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(resource));
        assertTrue(Files.isRegularFile(c.resolve("hand.h")) && Files.isRegularFile(c.resolve("hand.c")));
        List<String> lines = lines(out);
        assertEquals("packed resource: " + resource, lines.get(0));
        // 188 bytes: the header with its 32-character fingerprint, the default input pipeline (9 bytes) and no class
        // names (4), 3 rows of 9 bytes of signs, 6 full-precision floats, 10 three-byte scales and shifts, and the
        // checksum
        assertEquals("packed model: 0.2 KiB (188 bytes) against 0.8 KiB of float32 weights: 4.6x smaller",
                lines.get(lines.size() - 2));
        assertEquals("model card: " + classes.resolve("org/example/nets/Hand.model-card.json"), lines.get(2));
        assertEquals("shipped model: not verified: no data was given to predict (the dataset options of train, e.g."
                + " -Dbinaryconnect.data)", lines.get(lines.size() - 1));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    /** What model.bin records about the inputs is what the packed file and the C carry. */
    @Test
    void exportsThePipelineAndTheClassNamesTheModelRecords() throws IOException {
        InputPipeline pipeline = InputPipeline.scaling(70, 0f, 1f)
                .withContrastNormalization(55).withCentering(new float[70]);
        Path model = dir.resolve("binaryconnect/Hand/model.bin");
        ModelFile.save(model, new ExportNetworks.HandNetwork(DataType.FLOAT, 1), 3, pipeline, List.of("no", "yes"));
        Path classes = dir.resolve("classes");
        Path c = dir.resolve("c");

        assertEquals(TrainMain.OK, run("--network", NETWORK, "--model", model.toString(), "--resource-dir",
                classes.toString(), "--c-dir", c.toString()), err.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PackedModelWriter.write(PackedModel.of(new ExportNetworks.HandNetwork(DataType.FLOAT, 1), pipeline,
                List.of("no", "yes")), expected);
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(classes.resolve("org/example/nets/Hand.bcpk")));
        String source = Files.readString(c.resolve("hand.c"));
        assertTrue(source.contains("bc_contrast_normalize(features, HAND_INPUT_SIZE, 55.0);"), source);
        assertTrue(source.contains("\"no\", \"yes\""), source);
    }

    @Test
    void aPackedModelThatPredictsDifferentlyIsTheUsersFailureNamingTheSample() throws IOException {
        Path model = dir.resolve("binaryconnect/Hand/model.bin");
        ModelFile.save(model, new RunnableHandNetwork(DataType.FLOAT, 1), 3);
        Path data = Files.createDirectories(dir.resolve("data"));
        // random features: the fault (the last layer's scales negated) changes the prediction of some of them
        StringBuilder rows = new StringBuilder();
        java.util.Random random = new java.util.Random(3);
        for (int s = 0; s < 100; s++) {
            rows.append(s % 2);
            for (int i = 0; i < 70; i++) {
                rows.append(',').append(2 * random.nextFloat() - 1);
            }
            rows.append('\n');
        }
        Files.writeString(data.resolve("train.csv"), rows);
        Files.writeString(data.resolve("test.csv"), rows);
        Path classes = dir.resolve("classes");
        String[] args = {"--network", RunnableHandNetwork.class.getName(), "--model", model.toString(),
            "--resource-dir", classes.toString(), "--c-dir", dir.resolve("c").toString(), "--data", data.toString(),
            "--project-version", "2.0"};

        assertEquals(TrainMain.OK, run(args), err.toString(StandardCharsets.UTF_8));
        assertTrue(lines(out).get(lines(out).size() - 1).startsWith("shipped model: test accuracy "),
                out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(classes.resolve("org/example/nets/Hand.model-card.json"))
                .contains("\"projectVersion\": \"2.0\""));

        System.setProperty("binaryconnect.faultTest.tamperPackedModel", "true");
        int code;
        try {
            code = run(args);
        } finally {
            System.clearProperty("binaryconnect.faultTest.tamperPackedModel");
        }

        assertEquals(TrainMain.USER_FAILURE, code);
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: The packed model of Hand does not predict what"
                + " the trained network predicts with binary weights on " + data + ": test sample "), lastErrorLine());
    }

    @Test
    void aMissingModelIsTheUsersProblem() {
        Path missing = dir.resolve("binaryconnect/Hand/model.bin");

        int code = run("--network", NETWORK, "--model", missing.toString(), "--resource-dir", dir.toString(),
                "--c-dir", dir.toString());

        assertEquals(TrainMain.USER_FAILURE, code);
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: Model file " + missing + " does not exist"),
                lastErrorLine());
    }

    @Test
    void aModelOfAnotherNetworkIsTheUsersProblemAndWritesNothing() throws IOException {
        Path model = dir.resolve("other.bin");
        ModelFile.save(model, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 1);
        Path classes = dir.resolve("classes");

        int code = run("--network", NETWORK, "--model", model.toString(), "--resource-dir", classes.toString(),
                "--c-dir", dir.resolve("c").toString());

        assertEquals(TrainMain.USER_FAILURE, code);
        assertTrue(lastErrorLine().contains("was trained for a different network"), lastErrorLine());
        assertFalse(Files.exists(classes));
    }

    @Test
    void anUnknownClassOrMissingOptionIsBadConfiguration() {
        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", "com.example.NoSuchNetwork", "--model", "m",
                "--resource-dir", "r", "--c-dir", "c"));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: No class com.example.NoSuchNetwork"),
                lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--model", "m"));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: Option --resource-dir is required"),
                lastErrorLine());
    }
}
