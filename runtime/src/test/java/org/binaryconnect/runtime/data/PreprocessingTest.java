package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    private static RawDataset bytes(byte[] training, byte[] test, int features) {
        return new RawDataset(Path.of("data"), RawSamples.ofBytes(training, new byte[training.length / features],
                features), RawSamples.ofBytes(test, new byte[test.length / features], features), 1, 1, features);
    }

    /** Random images: bytes 0..255, with a per-feature bias so that centering and whitening have work to do. */
    private static byte[] images(int samples, int features, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[samples * features];
        for (int i = 0; i < pixels.length; i++) {
            int bias = 20 * (i % features) % 200;
            pixels[i] = (byte) Math.min(255, bias + random.nextInt(56) + (int) (30 * random.nextGaussian() + 30));
        }
        return pixels;
    }

    /**
     * The pipeline a dataset carries, applied to each raw sample on its own, gives exactly the features training
     * sees, bit for bit, for every combination of steps: what lets the exported model's predictPixels match the
     * trained network. A pipeline that forgot a step, or a fitted value, fails this.
     */
    @Test
    void theRecordedPipelineReproducesEveryPreprocessedSampleBitForBit() {
        int features = 12;
        byte[] training = images(300, features, 1);
        byte[] test = images(40, features, 2);
        RawDataset raw = bytes(training, test, features);
        for (String steps : new String[] {"scale-1-1", "scale-0-1", "scale-0-1,gcn", "center", "scale-0-1,zca",
                "gcn,center,zca", "authors-cifar10"}) {
            Dataset dataset = Preprocessing.parse(steps).apply(raw);
            org.binaryconnect.inference.InputPipeline pipeline = dataset.pipeline();
            assertEquals(steps.contains("gcn") || steps.equals("authors-cifar10"), pipeline.contrastNormalization(),
                    steps);
            assertEquals(steps.contains("center"), pipeline.centering(), steps);
            assertEquals(steps.contains("zca") || steps.equals("authors-cifar10"), pipeline.whitening(), steps);
            for (Samples part : new Samples[] {dataset.training(), dataset.test()}) {
                byte[] pixels = part == dataset.training() ? training : test;
                for (int s = 0; s < part.size(); s++) {
                    float[] features0 = pipeline.features(java.util.Arrays.copyOfRange(pixels, s * features,
                            (s + 1) * features));
                    for (int j = 0; j < features; j++) {
                        assertEquals(Float.floatToRawIntBits(part.feature(s, j)),
                                Float.floatToRawIntBits(features0[j]), steps + ": sample " + s + " feature " + j);
                    }
                }
            }
        }
    }

    @Test
    void scalesBytesToZeroOneOrMinusOneOne() {
        RawDataset raw = bytes(new byte[] {0, (byte) 255, 51}, new byte[] {(byte) 204, 0, 0}, 3);

        Dataset zeroOne = Preprocessing.defaults().withScaling(ByteScaling.ZERO_TO_ONE).apply(raw);
        Dataset minusOneOne = Preprocessing.defaults().apply(raw);

        assertEquals(0f, zeroOne.training().feature(0, 0), 1e-7);
        assertEquals(1f, zeroOne.training().feature(0, 1), 1e-7);
        assertEquals(0.2f, zeroOne.training().feature(0, 2), 1e-7);
        assertEquals(0.8f, zeroOne.test().feature(0, 0), 1e-7);
        assertEquals(-1f, minusOneOne.training().feature(0, 0), 1e-7);
        assertEquals(1f, minusOneOne.training().feature(0, 1), 1e-7);
        assertEquals(0.6f, minusOneOne.test().feature(0, 0), 1e-6);
    }

    @Test
    void centeringUsesTrainingMeansForEveryPart() {
        // training: feature 0 is 0 and 255 (mean 0.5 in [0, 1]), feature 1 is 51 twice (mean 0.2)
        RawDataset raw = bytes(new byte[] {0, 51, (byte) 255, 51}, new byte[] {(byte) 255, 0}, 2);

        Dataset centred = Preprocessing.defaults().withScaling(ByteScaling.ZERO_TO_ONE).withCentering(true).apply(raw);

        assertEquals(-0.5f, centred.training().feature(0, 0), 1e-6);
        assertEquals(0.5f, centred.training().feature(1, 0), 1e-6);
        assertEquals(0f, centred.training().feature(0, 1), 1e-6);
        assertEquals(0.5f, centred.test().feature(0, 0), 1e-6);
        assertEquals(-0.2f, centred.test().feature(0, 1), 1e-6);
    }

    @Test
    void contrastNormalisationGivesEachSampleMeanZeroAndNormFiftyFive() {
        float[] values = {0, 10, 20, 90, 5, 5, 5, 5, 1, 2, 3, 4};

        GlobalContrastNormalization.apply(values, 4);

        for (int sample : new int[] {0, 2}) {
            double sum = 0;
            double squares = 0;
            for (int j = 0; j < 4; j++) {
                sum += values[sample * 4 + j];
                squares += values[sample * 4 + j] * values[sample * 4 + j];
            }
            assertEquals(0, sum, 1e-4);
            assertEquals(55, Math.sqrt(squares), 1e-4);
        }
        // a constant image has norm 0 after centring: pylearn2 then divides by 1, leaving zeros
        for (int j = 4; j < 8; j++) {
            assertEquals(0f, values[j]);
        }
        // scale-free: the same image in [-1, 1] normalises to the same values
        float[] scaled = {-1f, -1f + 2 * 10 / 255f, -1f + 2 * 20 / 255f, -1f + 2 * 90 / 255f};
        float[] raw = {0, 10, 20, 90};
        GlobalContrastNormalization.apply(scaled, 4);
        GlobalContrastNormalization.apply(raw, 4);
        for (int j = 0; j < 4; j++) {
            assertEquals(raw[j], scaled[j], 1e-3);
        }
    }

    /** Correlated, shifted, unequally scaled features: whitening has something to undo. */
    private static float[] correlated(int samples, int features, double scale, long seed) {
        Random random = new Random(seed);
        float[] values = new float[samples * features];
        for (int s = 0; s < samples; s++) {
            double common = random.nextGaussian();
            for (int j = 0; j < features; j++) {
                values[s * features + j] = (float) (scale * ((j + 1) * random.nextGaussian() + 2 * common) + 7 * j);
            }
        }
        return values;
    }

    private static double[][] covariance(float[] values, int features) {
        int samples = values.length / features;
        double[] mean = new double[features];
        for (int i = 0; i < values.length; i++) {
            mean[i % features] += values[i] / samples;
        }
        double[][] covariance = new double[features][features];
        for (int s = 0; s < samples; s++) {
            for (int a = 0; a < features; a++) {
                for (int b = 0; b < features; b++) {
                    covariance[a][b] += (values[s * features + a] - mean[a]) * (values[s * features + b] - mean[b])
                            / samples;
                }
            }
        }
        return covariance;
    }

    @Test
    void zcaWithoutFilterBiasWhitensTrainingDataExactly() {
        int features = 6;
        float[] training = correlated(2000, features, 1, 3);

        ZcaWhitening zca = ZcaWhitening.fit(training, features, 0.0, Path.of("synthetic"));
        zca.apply(training);

        double[][] covariance = covariance(training, features);
        for (int a = 0; a < features; a++) {
            for (int b = 0; b < features; b++) {
                assertEquals(a == b ? 1 : 0, covariance[a][b], 1e-3, "covariance[" + a + "][" + b + "]");
            }
        }
        // ZCA, unlike PCA whitening, is symmetric: it whitens without rotating the features away
        double[][] p = zca.matrix();
        for (int a = 0; a < features; a++) {
            for (int b = 0; b < features; b++) {
                assertEquals(p[a][b], p[b][a], 1e-9);
            }
        }
    }

    @Test
    void authorsZcaGivesNearlyIdentityCovarianceForLargeVariances() {
        int features = 8;
        float[] training = correlated(3000, features, 20, 4);
        float[] test = correlated(500, features, 20, 5);
        RawDataset raw = new RawDataset(Path.of("synthetic"), RawSamples.ofFloats(training, new byte[3000], features),
                RawSamples.ofFloats(test, new byte[500], features), 1, 1, features);

        Dataset whitened = Preprocessing.defaults().withZcaWhitening(true).apply(raw);

        float[] out = new float[3000 * features];
        float[] outTest = new float[500 * features];
        for (int s = 0; s < 3000; s++) {
            for (int j = 0; j < features; j++) {
                out[s * features + j] = whitened.training().feature(s, j);
            }
        }
        for (int s = 0; s < 500; s++) {
            for (int j = 0; j < features; j++) {
                outTest[s * features + j] = whitened.test().feature(s, j);
            }
        }
        double[][] covariance = covariance(out, features);
        double[][] testCovariance = covariance(outTest, features);
        for (int a = 0; a < features; a++) {
            for (int b = 0; b < features; b++) {
                // filter bias 0.1 against variances of at least 400: within about 0.1 / 400 of the identity
                assertEquals(a == b ? 1 : 0, covariance[a][b], 2e-3, "covariance[" + a + "][" + b + "]");
                // the test part, whitened with the training fit, comes out close to white as well
                assertEquals(a == b ? 1 : 0, testCovariance[a][b], 0.2, "test covariance[" + a + "][" + b + "]");
            }
        }
        // the raw input was not modified
        assertTrue(training[1] != out[1]);
    }

    @Test
    void authorsCifarTenPipelineIsContrastNormalisationThenZca() {
        Preprocessing authors = Preprocessing.authorsCifarTen();

        assertTrue(authors.contrastNormalization());
        assertTrue(authors.zcaWhitening());
        assertTrue(!authors.centering());
    }
}
