package org.binaryconnect.processor.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.processor.specs.SplitInferenceNetInference;
import org.binaryconnect.processor.specs.TinyInferenceNetInference;
import org.binaryconnect.processor.specs.WideInferenceNetInference;
import org.junit.jupiter.api.Test;

/**
 * The generated inference classes of two specs compiled with the processor, loading packed models written by hand
 * from the format document: their scores equal a direct computation of the format's semantics, and what the
 * document says a reader rejects is rejected with a message naming the problem.
 */
class GeneratedInferenceTest {

    private static final float TOLERANCE = 1e-5f;

    static PackedModelBuilder tiny(long seed) {
        Random random = new Random(seed);
        return new PackedModelBuilder("TinyInferenceNet", TinyInferenceNetInference.FINGERPRINT, 5, 3)
                .layer(layer(random, true, 5, 7, true))
                .layer(layer(random, false, 7, 4, true))
                .layer(layer(random, true, 4, 3, false));
    }

    static PackedModelBuilder wide(long seed) {
        Random random = new Random(seed);
        return new PackedModelBuilder("WideInferenceNet", WideInferenceNetInference.FINGERPRINT, 130, 3)
                .layer(layer(random, true, 130, 64, true))
                .layer(layer(random, true, 64, 3, false));
    }

    private static PackedModelBuilder.Layer layer(Random random, boolean binary, int inputs, int units,
            boolean relu) {
        float[][] weights = new float[inputs][units];
        for (float[] row : weights) {
            for (int j = 0; j < units; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        float[] scale = new float[units];
        float[] shift = new float[units];
        for (int j = 0; j < units; j++) {
            // negative scales happen too: batch norm's gamma may be negative
            scale[j] = (random.nextFloat() * 2 - 0.5f) / (binary ? (float) Math.sqrt(inputs) : 1f);
            shift[j] = random.nextFloat() - 0.3f;
        }
        return new PackedModelBuilder.Layer(binary, inputs, units, relu, 0.5f + random.nextFloat(), weights, scale,
                shift);
    }

    static float[] features(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    @Test
    void tinyScoresEqualTheFormatsSemantics() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            PackedModelBuilder model = tiny(seed);
            TinyInferenceNetInference network = TinyInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
            Random random = new Random(100 + seed);
            for (int sample = 0; sample < 50; sample++) {
                float[] x = features(random, TinyInferenceNetInference.INPUT_SIZE);
                assertScores(model.referenceScores(x), network.scores(x));
            }
        }
    }

    @Test
    void multiWordBinaryLayersEqualTheFormatsSemantics() throws IOException {
        for (long seed = 1; seed <= 10; seed++) {
            PackedModelBuilder model = wide(seed);
            WideInferenceNetInference network = WideInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
            Random random = new Random(200 + seed);
            for (int sample = 0; sample < 20; sample++) {
                float[] x = features(random, WideInferenceNetInference.INPUT_SIZE);
                assertScores(model.referenceScores(x), network.scores(x));
            }
        }
    }

    /**
     * The batch path computes blocks of samples with other kernels; each sample's scores must still be exactly the
     * one-sample path's, whatever the batch size and wherever the sample falls in a block.
     */
    @Test
    void batchScoresAreTheOneSampleScoresBitForBit() throws IOException {
        TinyInferenceNetInference tiny = TinyInferenceNetInference.load(new ByteArrayInputStream(tiny(4).bytes()));
        WideInferenceNetInference wide = WideInferenceNetInference.load(new ByteArrayInputStream(wide(4).bytes()));
        Random random = new Random(9);
        int block = WideInferenceNetInference.BATCH_BLOCK;
        int min = WideInferenceNetInference.MIN_BLOCK;
        for (int size : new int[] {0, 1, 2, min - 1, min, min + 1, block - 1, block, block + 1, 2 * block + 45}) {
            float[][] tinyBatch = new float[size][];
            float[][] wideBatch = new float[size][];
            for (int s = 0; s < size; s++) {
                tinyBatch[s] = features(random, TinyInferenceNetInference.INPUT_SIZE);
                wideBatch[s] = features(random, WideInferenceNetInference.INPUT_SIZE);
            }
            float[][] tinyScores = tiny.scores(tinyBatch);
            float[][] wideScores = wide.scores(wideBatch);
            int[] wideClasses = wide.predict(wideBatch);
            assertEquals(size, wideScores.length);
            for (int s = 0; s < size; s++) {
                assertArrayEquals(tiny.scores(tinyBatch[s]), tinyScores[s], "tiny, batch of " + size + ", sample " + s);
                assertArrayEquals(wide.scores(wideBatch[s]), wideScores[s], "wide, batch of " + size + ", sample " + s);
                assertEquals(wide.predict(wideBatch[s]), wideClasses[s]);
            }
        }
    }

    @Test
    void unitsSplitOverThreadsGiveTheOneSampleScoresBitForBit() throws IOException {
        Random random = new Random(11);
        PackedModelBuilder model = new PackedModelBuilder("SplitInferenceNet", SplitInferenceNetInference.FINGERPRINT,
                100, 3)
                .layer(layer(random, true, 100, 200, true))
                .layer(layer(random, true, 200, 3, false));
        SplitInferenceNetInference network = SplitInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
        float[][] batch = new float[57][];
        for (int s = 0; s < batch.length; s++) {
            batch[s] = features(random, SplitInferenceNetInference.INPUT_SIZE);
        }
        float[][] scores = network.scores(batch);
        for (int s = 0; s < batch.length; s++) {
            assertArrayEquals(network.scores(batch[s]), scores[s], "sample " + s);
            assertScores(model.referenceScores(batch[s]), scores[s]);
        }
    }

    @Test
    void batchScoresEqualTheFormatsSemantics() throws IOException {
        PackedModelBuilder model = wide(6);
        WideInferenceNetInference network = WideInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
        Random random = new Random(10);
        float[][] batch = new float[150][];
        for (int s = 0; s < batch.length; s++) {
            batch[s] = features(random, WideInferenceNetInference.INPUT_SIZE);
        }
        float[][] scores = network.scores(batch);
        for (int s = 0; s < batch.length; s++) {
            assertScores(model.referenceScores(batch[s]), scores[s]);
        }
    }

    private static void assertScores(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            float tolerance = TOLERANCE * Math.max(1f, Math.abs(expected[k]));
            assertEquals(expected[k], actual[k], tolerance, () -> "scores " + Arrays.toString(actual)
                    + ", expected " + Arrays.toString(expected));
        }
    }

    @Test
    void predictIsTheArgmaxOfTheScoresAndTheFirstOnTies() throws IOException {
        PackedModelBuilder model = tiny(3);
        TinyInferenceNetInference network = TinyInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
        Random random = new Random(5);
        float[][] batch = new float[30][];
        for (int s = 0; s < batch.length; s++) {
            batch[s] = features(random, 5);
        }
        int[] classes = network.predict(batch);
        for (int s = 0; s < batch.length; s++) {
            float[] scores = network.scores(batch[s]);
            int best = 0;
            for (int k = 1; k < scores.length; k++) {
                best = scores[k] > scores[best] ? k : best;
            }
            assertEquals(best, classes[s]);
            assertEquals(best, network.predict(batch[s]));
        }

        // all-zero output weights' scales and equal shifts: every class scores the same, so class 0 wins
        PackedModelBuilder.Layer output = model.layers.get(2);
        float[] equal = new float[3];
        Arrays.fill(equal, 0.25f);
        model.layers.set(2, new PackedModelBuilder.Layer(true, 4, 3, false, 1f, output.weights(), new float[3],
                equal));
        TinyInferenceNetInference tied = TinyInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
        assertEquals(0, tied.predict(batch[0]));
        assertEquals(0, tied.predict(batch)[0]);
    }

    /**
     * predictPixels applies the packed model's recorded pipeline, not a fixed scaling: with bytes to [0, 1] and
     * centering it predicts, on every one of 300 random images, what predict gives for those features; the old
     * {@code 2 * x / 255 - 1} predicts a good part of them differently, so a class that kept it fails here.
     */
    @Test
    void predictPixelsAppliesTheRecordedPipelineAndClassNameTheRecordedNames() throws IOException {
        PackedModelBuilder model = tiny(4);
        model.low = 0f;
        model.high = 1f;
        model.centering = new float[] {0.5f, 0.25f, -0.5f, 0f, 1f};
        model.classNames = List.of("cat", "dog", "Ankle boot");
        TinyInferenceNetInference network = TinyInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
        InputPipeline pipeline = InputPipeline.scaling(5, 0f, 1f).withCentering(model.centering);
        Random random = new Random(8);
        int differentWithTheOldScaling = 0;
        for (int s = 0; s < 300; s++) {
            byte[] pixels = new byte[5];
            random.nextBytes(pixels);
            float[] oldScaling = new float[5];
            for (int i = 0; i < 5; i++) {
                oldScaling[i] = 2f * (pixels[i] & 0xff) / 255f - 1f;
            }
            int expected = network.predict(pipeline.features(pixels));
            assertEquals(expected, network.predictPixels(pixels), "image " + s);
            differentWithTheOldScaling += network.predict(oldScaling) != expected ? 1 : 0;
        }

        assertTrue(differentWithTheOldScaling > 30, differentWithTheOldScaling + " of 300");
        assertEquals(pipeline, network.pipeline());
        assertEquals("dog", network.className(1));
        assertEquals("Ankle boot", network.className(2));
        assertThrows(IndexOutOfBoundsException.class, () -> network.className(3));
        assertEquals("2", TinyInferenceNetInference.load(new ByteArrayInputStream(tiny(4).bytes())).className(2));
    }

    @Test
    void predictPixelsScalesLikeTraining() throws IOException {
        PackedModelBuilder model = tiny(4);
        TinyInferenceNetInference network = TinyInferenceNetInference.load(new ByteArrayInputStream(model.bytes()));
        byte[] pixels = {0, (byte) 255, (byte) 128, 17, (byte) 200};
        float[] scaled = new float[5];
        for (int i = 0; i < 5; i++) {
            scaled[i] = 2f * (pixels[i] & 0xff) / 255f - 1f;
        }
        assertEquals(-1f, scaled[0]);
        assertEquals(1f, scaled[1]);
        assertEquals(network.predict(scaled), network.predictPixels(pixels));
    }

    @Test
    void wrongNumberOfFeaturesIsRejected() throws IOException {
        TinyInferenceNetInference network = TinyInferenceNetInference.load(new ByteArrayInputStream(tiny(1).bytes()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.scores(new float[4]));
        assertEquals("expected 5 features, got 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> network.predictPixels(new byte[6]));
        IllegalArgumentException inBatch = assertThrows(IllegalArgumentException.class,
                () -> network.predict(new float[][] {new float[5], new float[6]}));
        assertEquals("expected 5 features, got 6", inBatch.getMessage());
    }

    @Test
    void instancesAreIndependentAndCallsDoNotShareState() throws IOException {
        TinyInferenceNetInference network = TinyInferenceNetInference.load(new ByteArrayInputStream(tiny(6).bytes()));
        float[] x = features(new Random(1), 5);
        float[] first = network.scores(x);
        network.scores(features(new Random(2), 5));
        assertArrayEquals(first, network.scores(x));
    }

    @Test
    void loadReadsTheResourceNextToTheClass() throws Exception {
        // where mvn binaryconnect:export puts it: in the class's package folder under the classes directory
        Path classFile = Path.of(
                WideInferenceNetInference.class.getResource("WideInferenceNetInference.class").toURI());
        Path resource = classFile.resolveSibling(WideInferenceNetInference.RESOURCE);
        PackedModelBuilder model = wide(7);
        Files.write(resource, model.bytes());
        try {
            WideInferenceNetInference network = WideInferenceNetInference.load();
            float[] x = features(new Random(3), WideInferenceNetInference.INPUT_SIZE);
            assertScores(model.referenceScores(x), network.scores(x));
        } finally {
            Files.delete(resource);
        }
    }

    @Test
    void loadWithoutAnExportedResourceSaysToExport() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class, TinyInferenceNetInference::load);
        assertTrue(e.getMessage().contains("TinyInferenceNet.bcpk"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn binaryconnect:export"), e.getMessage());
    }
}
