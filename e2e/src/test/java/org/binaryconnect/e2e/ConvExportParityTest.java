package org.binaryconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.binaryconnect.e2e.specs.ParitySeedCnnInference;
import org.binaryconnect.e2e.specs.ParitySeedCnnNetwork;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.export.PackedModel;
import org.binaryconnect.runtime.export.PackedModelWriter;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported seed CNN predicts what the trained one predicts: trained for one epoch on the first 3,000
 * Fashion-MNIST training images (to keep the test short; the parity does not depend on how well it learned),
 * evaluated with binary weights on all 10,000 test images, against the generated JDK-only inference class reading
 * the packed file and against the exported C compiled with gcc.
 */
class ConvExportParityTest {

    private static final int TRAINING_SAMPLES = 3_000;

    @TempDir
    Path directory;

    @Test
    void javaAndCInferenceAgreeWithTheTrainedSeedCnnOnEveryTestImage() throws Exception {
        long start = System.nanoTime();
        Dataset dataset = IdxDataset.load(IdxDataset.DEBIAN_FASHION_MNIST, 784, 10);
        ParitySeedCnnNetwork network = new ParitySeedCnnNetwork();
        DatasetSplit split = new DatasetSplit(dataset.training().range(0, TRAINING_SAMPLES),
                dataset.training().range(50_000, 50_500), dataset.test());
        new Trainer(network, new TrainingConfig(1, 1e-3, 3e-6, 500, 21, directory.resolve("training")), line -> { })
                .train(split);
        long trainedAt = System.nanoTime();
        Samples test = dataset.test();
        float[][] features = ExportParityTest.features(test);
        int[] trained = ExportParityTest.trainedPredictions(network, ParitySeedCnnNetwork.BATCH_SIZE, test);
        long evaluatedAt = System.nanoTime();

        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        PackedModelWriter.write(network, packed);
        ParitySeedCnnInference inference = ParitySeedCnnInference.load(new ByteArrayInputStream(packed.toByteArray()));
        int[] java = inference.predict(features);
        long javaAt = System.nanoTime();
        PackedModel model = PackedModel.of(network);
        int[] c = ExportParityTest.cPredictions(directory, model, features);
        long cAt = System.nanoTime();
        int javaMismatches = 0;
        int cMismatches = 0;
        for (int i = 0; i < features.length; i++) {
            javaMismatches += java[i] != trained[i] ? 1 : 0;
            cMismatches += c[i] != trained[i] ? 1 : 0;
        }

        System.out.printf("conv export parity: %d Java and %d C mismatches on %d images; packed %d bytes, float32"
                + " weights %d; train %.1f s, evaluate %.1f s, Java inference %.1f s, C (with gcc) %.1f s%n",
                javaMismatches, cMismatches, features.length, packed.size(), model.float32WeightBytes(),
                seconds(start, trainedAt), seconds(trainedAt, evaluatedAt), seconds(evaluatedAt, javaAt),
                seconds(javaAt, cAt));
        assertEquals(10_000, features.length);
        assertEquals(0, javaMismatches, "Java inference predictions that differ from the trained network's");
        assertEquals(0, cMismatches, "C inference predictions that differ from the trained network's");
        double accuracy = ExportParityTest.accuracy(trained, test);
        assertTrue(accuracy > 0.7, "the trained network learned: " + accuracy);
        // the binary weights take 1 bit instead of 32; each filter and unit adds 6 bytes of scale and shift
        assertTrue(packed.size() * 25L <= model.float32WeightBytes(),
                "packed " + packed.size() + " bytes against " + model.float32WeightBytes());
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
