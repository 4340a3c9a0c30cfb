package org.binaryconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.binaryconnect.e2e.specs.SmallFashionCnnNetwork;
import org.binaryconnect.e2e.specs.SmallFashionMlpNetwork;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.run.TrainingResult;
import org.binaryconnect.runtime.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated BinaryConnect network learns real data: 784-256-10 with binary weights, trained for two epochs on
 * the first 10,000 Fashion-MNIST training images, classifies the full 10,000-image test set with binary weights.
 * Debian's dataset-fashion-mnist package provides the data; {@code .ci/run} installs it.
 */
class RealDataConvergenceTest {

    @TempDir
    Path output;

    @Test
    void smallBinaryMlpLearnsFashionMnist() throws IOException {
        Path directory = IdxDataset.DEBIAN_FASHION_MNIST;
        assertTrue(Files.isDirectory(directory),
                "this test trains on real Fashion-MNIST: apt-get install dataset-fashion-mnist");
        Dataset dataset = IdxDataset.load(directory, 784, 10);
        DatasetSplit split = new DatasetSplit(dataset.training().range(0, 10_000),
                dataset.training().range(50_000, 52_000), dataset.test());

        SmallFashionMlpNetwork network = new SmallFashionMlpNetwork();
        TrainingResult result = new Trainer(network, new TrainingConfig(2, 3e-3, 3e-4, 2_000, 5, output),
                line -> { }).train(split);

        assertEquals(2, result.epochs().size());
        assertTrue(result.epochs().get(1).trainLoss() < result.epochs().get(0).trainLoss(), "the loss falls");
        assertTrue(result.testAccuracy() >= 0.80, "test accuracy " + result.testAccuracy());
    }

    /** The same for a small binary CNN (16C3-MP2-32C3-MP2-10 with batch norm): the conv path through the trainer. */
    @Test
    void smallBinaryCnnLearnsFashionMnist() throws IOException {
        Path directory = IdxDataset.DEBIAN_FASHION_MNIST;
        assertTrue(Files.isDirectory(directory),
                "this test trains on real Fashion-MNIST: apt-get install dataset-fashion-mnist");
        Dataset dataset = IdxDataset.load(directory, 784, 10);
        DatasetSplit split = new DatasetSplit(dataset.training().range(0, 10_000),
                dataset.training().range(50_000, 52_000), dataset.test());

        SmallFashionCnnNetwork network = new SmallFashionCnnNetwork();
        TrainingResult result = new Trainer(network, new TrainingConfig(2, 3e-3, 3e-4, 2_000, 5, output.resolve("cnn")),
                line -> { }).train(split);

        assertEquals(2, result.epochs().size());
        assertTrue(result.epochs().get(1).trainLoss() < result.epochs().get(0).trainLoss(), "the loss falls");
        assertTrue(result.testAccuracy() >= 0.80, "test accuracy " + result.testAccuracy());
        System.out.printf("small binary CNN on Fashion-MNIST (10,000 images, 2 epochs): test accuracy %.4f%n",
                result.testAccuracy());
    }
}
