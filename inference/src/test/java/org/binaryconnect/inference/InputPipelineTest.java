package org.binaryconnect.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The pipeline kernel on values worked out by hand, and the packed format's pipeline and class names sections. */
class InputPipelineTest {

    @Test
    void scalesBytesAsTrainingDoes() {
        InputPipeline minusOneToOne = InputPipeline.scaling(3, -1f, 1f);
        assertArrayEquals(new float[] {-1f, 1f, 2f * 128 / 255f - 1f},
                minusOneToOne.features(new byte[] {0, (byte) 255, (byte) 128}));
        assertArrayEquals(new float[] {0f, 1f, 128 / 255f},
                InputPipeline.scaling(3, 0f, 1f).features(new byte[] {0, (byte) 255, (byte) 128}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minusOneToOne.features(new byte[2]));
        assertEquals("expected 3 pixels, got 2", e.getMessage());
    }

    @Test
    void contrastNormalizationCentresAndScalesEachSampleToTheNorm() {
        // bytes 0, 255 scaled to 0, 1: mean 0.5, centred -0.5, 0.5, norm sqrt(0.5); scale 2 gives -sqrt 2, sqrt 2
        float[] features = InputPipeline.scaling(2, 0f, 1f).withContrastNormalization(2)
                .features(new byte[] {0, (byte) 255});
        assertArrayEquals(new float[] {(float) -Math.sqrt(2), (float) Math.sqrt(2)}, features);
        // a constant image is only centred
        assertArrayEquals(new float[] {0f, 0f}, InputPipeline.scaling(2, 0f, 1f).withContrastNormalization(55)
                .features(new byte[] {7, 7}));
    }

    @Test
    void centersThenWhitensWithTheFittedValues() {
        InputPipeline pipeline = InputPipeline.scaling(2, 0f, 255f).withCentering(new float[] {1f, 2f})
                .withWhitening(new double[] {0.5, -1}, new float[] {1f, 2f, 3f, 4f});
        // pixels 3, 5 -> 3, 5 -> centred 2, 3 -> minus the mean 1.5, 4 -> (1.5 * 1 + 4 * 3, 1.5 * 2 + 4 * 4)
        assertArrayEquals(new float[] {13.5f, 19f}, pipeline.features(new byte[] {3, 5}));
    }

    @Test
    void whiteningABlockOfSamplesGivesEachSampleItsOwnBits() {
        int features = 7;
        int samples = 37; // more than two blocks and a remainder
        java.util.Random random = new java.util.Random(3);
        double[] mean = new double[features];
        float[] matrix = new float[features * features];
        float[] values = new float[samples * features];
        for (int i = 0; i < features; i++) {
            mean[i] = random.nextGaussian();
        }
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        float[] together = values.clone();
        InputPipeline.whiten(together, mean, matrix);
        for (int s = 0; s < samples; s++) {
            float[] alone = java.util.Arrays.copyOfRange(values, s * features, (s + 1) * features);
            InputPipeline.whiten(alone, mean, matrix);
            assertArrayEquals(alone, java.util.Arrays.copyOfRange(together, s * features, (s + 1) * features));
            // the documented order, written plainly (what the C kernel does): the unrolled loops keep it
            for (int j = 0; j < features; j++) {
                float sum = 0f;
                for (int i = 0; i < features; i++) {
                    sum += (float) (values[s * features + i] - mean[i]) * matrix[i * features + j];
                }
                assertEquals(Float.floatToRawIntBits(sum), Float.floatToRawIntBits(alone[j]), "sample " + s);
            }
        }
    }

    @Test
    void refusesFittedValuesOfAnotherSize() {
        InputPipeline scaling = InputPipeline.scaling(3, -1f, 1f);
        assertThrows(IllegalArgumentException.class, () -> scaling.withCentering(new float[2]));
        assertThrows(IllegalArgumentException.class, () -> scaling.withWhitening(new double[3], new float[8]));
    }

    private record Inputs(InputPipeline pipeline, String[] names) {
        static Inputs read(PackedModelReader in) throws IOException {
            in.header("Tiny", "f00d", 2, 3, 0);
            InputPipeline pipeline = in.pipeline(2);
            String[] names = in.classNames(3);
            in.finish();
            return new Inputs(pipeline, names);
        }
    }

    @Test
    void readsEveryStepAndTheClassNames() throws IOException {
        byte[] bytes = new PackedBytes().headerOnly("Tiny", "f00d", 2, 3, 0).floats(0f, 1f).raw(7).doubles(55)
                .floats(0.25f, -0.5f).doubles(0.125, 2).floats(1, 0, 0, 1).ints(3).utf("cat", "dog", "T-shirt/top")
                .withChecksum();
        Inputs read = PackedModelReader.read(new ByteArrayInputStream(bytes), Inputs::read);
        assertEquals(InputPipeline.scaling(2, 0f, 1f).withContrastNormalization(55)
                .withCentering(new float[] {0.25f, -0.5f})
                .withWhitening(new double[] {0.125, 2}, new float[] {1, 0, 0, 1}), read.pipeline());
        assertArrayEquals(new String[] {"cat", "dog", "T-shirt/top"}, read.names());
    }

    @Test
    void rejectsUnknownStepsAndAWrongNumberOfClassNames() {
        byte[] unknown = new PackedBytes().headerOnly("Tiny", "f00d", 2, 3, 0).floats(0f, 1f).raw(8).ints(0)
                .withChecksum();
        assertEquals("packed model's input pipeline has the unknown steps 8", assertThrows(
                InvalidModelException.class,
                () -> PackedModelReader.read(new ByteArrayInputStream(unknown), Inputs::read)).getMessage());
        byte[] twoNames = new PackedBytes().headerOnly("Tiny", "f00d", 2, 3, 0).floats(0f, 1f).raw(0).ints(2)
                .utf("a", "b").withChecksum();
        assertEquals("packed model names 2 classes, expected 0 or 3", assertThrows(InvalidModelException.class,
                () -> PackedModelReader.read(new ByteArrayInputStream(twoNames), Inputs::read)).getMessage());
    }
}
