package org.binaryconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.e2e.specs.ParitySeedCnnInference;
import org.binaryconnect.e2e.specs.ParitySeedCnnNetwork;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.Preprocessing;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.export.PackedModel;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported seed CNN predicts what the trained one predicts, from the features and from raw pixels through
 * the recorded scale-0-1 pipeline: trained for one epoch on the first 3,000
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
        Dataset dataset = new DatasetLoader().load(DatasetRequest.of(IdxDataset.DEBIAN_FASHION_MNIST.toString())
                .withOffline(true).withPreprocessing(Preprocessing.parse("scale-0-1")), 784, 10);
        ParitySeedCnnNetwork network = new ParitySeedCnnNetwork();
        DatasetSplit split = new DatasetSplit(dataset.training().range(0, TRAINING_SAMPLES),
                dataset.training().range(50_000, 50_500), dataset.test(), dataset.pipeline(), dataset.classNames());
        new Trainer(network, new TrainingConfig(1, 1e-3, 3e-6, 500, 21, directory.resolve("training")), line -> { })
                .train(split);
        long trainedAt = System.nanoTime();
        Samples test = dataset.test();
        int[] trained = ExportParityTest.trainedPredictions(network, ParitySeedCnnNetwork.BATCH_SIZE, test);
        long evaluatedAt = System.nanoTime();
        PackedModel model = PackedModel.of(network, dataset.pipeline(), dataset.classNames());

        ExportParityTest.Parity parity = ExportParityTest.parity(directory, model, dataset,
                ExportParityTest.rawTestPixels(IdxDataset.DEBIAN_FASHION_MNIST), trained, ConvExportParityTest::cnn);
        long checkedAt = System.nanoTime();

        parity.print("conv export parity (scale-0-1)");
        System.out.printf("conv export parity: packed %d bytes, float32 weights %d; train %.1f s, evaluate %.1f s,"
                + " Java and C inference (with gcc) %.1f s%n", parity.packedBytes(), model.float32WeightBytes(),
                seconds(start, trainedAt), seconds(trainedAt, evaluatedAt), seconds(evaluatedAt, checkedAt));
        assertEquals(10_000, parity.samples());
        parity.assertNoMismatch();
        assertEquals(InputPipeline.scaling(784, 0f, 1f), model.pipeline());
        assertTrue(parity.oldScalingMismatches() > 0, "the old 2 * x / 255 - 1 would change predictions");
        double accuracy = ExportParityTest.accuracy(trained, test);
        assertTrue(accuracy > 0.7, "the trained network learned: " + accuracy);
        // the binary weights take 1 bit instead of 32; each filter and unit adds 6 bytes of scale and shift
        assertTrue(parity.packedBytes() * 25L <= model.float32WeightBytes(),
                "packed " + parity.packedBytes() + " bytes against " + model.float32WeightBytes());
    }

    private static ExportParityTest.Shipped cnn(byte[] packed) throws IOException {
        ParitySeedCnnInference inference = ParitySeedCnnInference.load(new ByteArrayInputStream(packed));
        return new ExportParityTest.Shipped(null, inference::predict, inference::predictPixels,
                inference::className);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
