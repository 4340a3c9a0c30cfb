package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.Preprocessing;
import org.binaryconnect.runtime.model.ModelFile;
import org.example.nets.HandInference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * An export checks what it writes: the packed bytes, read back through the (here hand-written) inference class,
 * predict every test sample of the data as the trained network does, or nothing is written.
 */
class ExportServiceTest {

    private static final String NETWORK = RunnableHandNetwork.class.getName();
    private static final int TEST_SAMPLES = 200;
    /** The last test samples carry the label the network does not predict, so the accuracy is known. */
    private static final int WRONG_LABELS = 50;

    @TempDir
    Path dir;

    private Path model;
    private Path data;
    private float[][] testFeatures;

    @BeforeEach
    void trainedModelAndData() throws IOException {
        model = dir.resolve("binaryconnect/Hand/model.bin");
        ModelFile.save(model, new RunnableHandNetwork(DataType.FLOAT, 1), 3);
        data = Files.createDirectories(dir.resolve("data"));
        Random random = new Random(5);
        Files.writeString(data.resolve("train.csv"), csv(random, 20, 0), StandardCharsets.US_ASCII);
        testFeatures = new float[TEST_SAMPLES][];
        Files.writeString(data.resolve("test.csv"), csv(random, TEST_SAMPLES, WRONG_LABELS), StandardCharsets.US_ASCII);
    }

    /** Samples of 70 features in [-1, 1], labelled with the reference's prediction but for the last {@code wrong}. */
    private String csv(Random random, int samples, int wrong) {
        FixedStateNetwork hand = ExportNetworks.hand();
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < samples; s++) {
            float[] features = ExportNetworks.features(random, ExportNetworks.HAND_INPUTS);
            if (wrong > 0) {
                testFeatures[s] = features;
            }
            double[] scores = ReferenceEvaluation.declared(hand, features);
            int predicted = scores[1] > scores[0] ? 1 : 0;
            text.append(s >= samples - wrong ? 1 - predicted : predicted);
            for (float value : features) {
                text.append(',').append(value);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private ExportOptions options(Optional<DatasetRequest> data) {
        return new ExportOptions(NETWORK, model, dir.resolve("classes"), dir.resolve("c"), data, "1.2.3");
    }

    private Optional<DatasetRequest> csvData() {
        return Optional.of(DatasetRequest.of(data.toString()));
    }

    private Path packedFile() {
        return dir.resolve("classes/org/example/nets/Hand.bcpk");
    }

    private Path card() {
        return dir.resolve("classes/org/example/nets/Hand.model-card.json");
    }

    @Test
    void predictsTheTestDataThroughTheInferenceClassAndWritesTheFiguresIntoTheModelCard() throws IOException {
        ExportResult result = ExportService.export(options(csvData()), line -> { });

        Verification verification = result.verification();
        assertTrue(verification.verified(), verification.line());
        assertEquals(TEST_SAMPLES, verification.samples());
        double expected = (double) (TEST_SAMPLES - WRONG_LABELS) / TEST_SAMPLES;
        assertEquals(expected, verification.shippedAccuracy());
        assertEquals(expected, verification.trainedBinaryAccuracy());
        assertEquals("shipped model: test accuracy 0.7500 (200 samples); trained network with binary weights: 0.7500",
                verification.line());
        assertEquals(packedFile(), result.packedFile());
        assertEquals(card(), result.modelCard());

        String card = Files.readString(card());
        byte[] packed = Files.readAllBytes(packedFile());
        assertTrue(card.contains("\"name\": \"Hand\""), card);
        assertTrue(card.contains("\"fingerprint\": \"" + ExportNetworks.HandNetwork.fingerprint() + "\""), card);
        assertTrue(card.contains("\"projectVersion\": \"1.2.3\""), card);
        assertTrue(card.contains("\"sha256\": \"" + FileDigests.sha256(packed) + "\""), card);
        assertTrue(card.contains("{\"name\": \"test.csv\", \"bytes\": " + Files.size(data.resolve("test.csv"))
                + ", \"sha256\": \"" + FileDigests.sha256(data.resolve("test.csv")) + "\"}"), card);
        assertTrue(card.contains("\"steps\": \"scale-1-1\""), card);
        assertTrue(card.contains("\"name\": \"data\""), card);
        assertFalse(card.contains(dir.toString()), "no path of the build machine: " + card);
        assertTrue(card.contains("\"verified\": true"), card);
        assertTrue(card.contains("\"testSamples\": 200"), card);
        assertTrue(card.contains("\"shippedAccuracy\": 0.75"), card);
        assertTrue(card.contains("\"trainedBinaryAccuracy\": 0.75"), card);
        assertFalse(card.contains("evaluationWeightsAccuracy"), "binary evaluation has no other figure: " + card);
        assertTrue(card.contains("\"tiesPredictedDifferently\": 0"), card);
    }

    @Test
    void aPackedModelThatPredictsDifferentlyFailsTheExportNamingTheFirstDifferingSampleAndWritesNothing()
            throws IOException {
        ExportService.export(options(csvData()), line -> { });
        byte[] good = Files.readAllBytes(packedFile());
        String goodCard = Files.readString(card());
        Files.delete(dir.resolve("c/hand.c"));
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        PackedModelWriter.write(new RunnableHandNetwork(DataType.FLOAT, 1), packed);
        byte[] tampered = PackedModelFault.flipScalesOfLastLayer(packed.toByteArray(), 2);
        int[] first = firstDifference(tampered);

        ExportException failure = assertThrows(ExportException.class,
                () -> ExportService.export(options(csvData()), line -> { }, m -> bytes -> tampered));

        assertTrue(first[0] >= 0, "the tampering changes a prediction");
        String message = failure.getMessage();
        assertTrue(message.startsWith("The packed model of Hand does not predict what the trained network predicts"
                + " with binary weights on " + data + ": test sample " + first[0] + " (0-based) is class " + first[1]
                + " for the packed model (scores: class " + first[1] + " "), message);
        assertTrue(message.contains(") but class " + (1 - first[1]) + " for the trained network ("), message);
        assertTrue(message.contains(" test samples differ beyond a tie, so nothing was written;"), message);
        // the earlier export stays whole: its packed model, the card describing it, and no new C
        assertArrayEquals(good, Files.readAllBytes(packedFile()));
        assertEquals(goodCard, Files.readString(card()));
        assertFalse(Files.exists(dir.resolve("c/hand.c")));
    }

    @Test
    void dataPreparedOtherwiseThanTheModelRecordsFailsTheExportAndWritesNothing() {
        // model.bin records scale-1-1; features prepared as scale-0-1 are not what predictPixels gives the network
        Optional<DatasetRequest> otherScaling = Optional.of(DatasetRequest.of(data.toString())
                .withPreprocessing(Preprocessing.parse("scale-0-1")));

        ExportException failure = assertThrows(ExportException.class,
                () -> ExportService.export(options(otherScaling), line -> { }));

        assertTrue(failure.getMessage().startsWith("The test data of " + data + " is prepared as scale [0.0, 1.0]"),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith("export with the preprocessing and data that train used."),
                failure.getMessage());
        assertFalse(Files.exists(packedFile()));
        assertFalse(Files.exists(card()));
    }

    /** The first test sample the tampered packed model predicts differently from the reference, and its class. */
    private int[] firstDifference(byte[] tampered) throws IOException {
        HandInference inference = HandInference.load(new ByteArrayInputStream(tampered));
        for (int s = 0; s < testFeatures.length; s++) {
            double[] scores = ReferenceEvaluation.declared(ExportNetworks.hand(), testFeatures[s]);
            int trained = scores[1] > scores[0] ? 1 : 0;
            int shipped = inference.predict(testFeatures[s]);
            if (shipped != trained) {
                return new int[] {s, shipped};
            }
        }
        return new int[] {-1, -1};
    }

    @Test
    void theFaultPropertyTampersAsTheTestsDo() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        PackedModelWriter.write(new RunnableHandNetwork(DataType.FLOAT, 1), packed);
        PackedModel model = PackedModel.of(new RunnableHandNetwork(DataType.FLOAT, 1));

        assertArrayEquals(packed.toByteArray(), PackedModelFault.fromSystemProperty(model).apply(packed.toByteArray()));
        System.setProperty(PackedModelFault.PROPERTY, "true");
        try {
            UnaryOperator<byte[]> fault = PackedModelFault.fromSystemProperty(model);
            assertArrayEquals(PackedModelFault.flipScalesOfLastLayer(packed.toByteArray(), 2),
                    fault.apply(packed.toByteArray()));
        } finally {
            System.clearProperty(PackedModelFault.PROPERTY);
        }
    }

    @Test
    void onlyScoresEqualWithinTheRoundingOnBothSidesMakeATie() {
        // trained: class 0 by 1e-4 of a largest magnitude of 2; shipped: class 1 by as little
        assertTrue(ExportVerification.isTie(new double[] {2.0, 1.9999}, 0, 2, 0, 1, new float[] {1.9999f, 2.0f}));
        // a small score: the bound is at least the tolerance itself
        assertTrue(ExportVerification.isTie(new double[] {0.0005, 0}, 0, 2, 0, 1, new float[] {0, 0.0005f}));
        // the trained network is sure
        assertFalse(ExportVerification.isTie(new double[] {2.0, 1.99}, 0, 2, 0, 1, new float[] {1.99f, 2.0f}));
        // the shipped model is sure, though the trained network was not
        assertFalse(ExportVerification.isTie(new double[] {2.0, 2.0}, 0, 2, 0, 1, new float[] {-2.0f, 2.0f}));
        // the bound scales with the largest score of the sample, here 100
        assertTrue(ExportVerification.isTie(new double[] {100, 5.05, 5.0}, 0, 3, 1, 2, new float[] {100, 5f, 5.05f}));
    }

    @Test
    void dataNotAtHandIsSaidAndTheCardClaimsNoVerification() throws IOException {
        Path missing = dir.resolve("no-such-data");

        ExportResult result = ExportService.export(options(Optional.of(DatasetRequest.of(missing.toString()))),
                line -> { });

        assertFalse(result.verification().verified());
        assertTrue(result.verification().line().startsWith("shipped model: not verified: the test data is not at"
                + " hand ("), result.verification().line());
        assertTrue(Files.isRegularFile(packedFile()));
        String card = Files.readString(card());
        assertTrue(card.contains("\"verified\": false"), card);
        assertTrue(card.contains("\"dataset\": null"), card);
        assertFalse(card.toLowerCase(Locale.ROOT).contains("accuracy"), card);
    }

    @Test
    void withoutDataOptionsNothingIsPredicted() throws IOException {
        ExportResult result = ExportService.export(options(Optional.empty()), line -> { });

        assertEquals("shipped model: not verified: no data was given to predict (the dataset options of train, e.g."
                + " -Dbinaryconnect.data)", result.verification().line());
        String card = Files.readString(card());
        assertTrue(card.contains("\"dataset\": null"), card);
        assertTrue(card.contains("\"steps\": \"scale-1-1\""), "the model's own pipeline, data or not: " + card);
    }
}
