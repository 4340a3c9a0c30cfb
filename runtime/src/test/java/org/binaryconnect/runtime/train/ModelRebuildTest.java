package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.IdxFiles;
import org.binaryconnect.runtime.data.SyntheticImages;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** A run owns its model: a lost or damaged one is rebuilt, a finished one of another run is kept, not replaced. */
class ModelRebuildTest {

    @TempDir
    static Path dataDir;

    @TempDir
    Path out;

    private static Dataset dataset;

    @BeforeAll
    static void writeData() {
        IdxFiles.writeDataset(dataDir, SyntheticImages.generate(305, 4, 4, 3, 11),
                SyntheticImages.generate(90, 4, 4, 3, 12), true);
        dataset = IdxDataset.load(dataDir, LinearSoftmaxNetwork.INPUTS, LinearSoftmaxNetwork.CLASSES);
    }

    /** Learns for two epochs, then forgets: the best epoch is an early one, not the checkpoint's. */
    private static TrainableNetwork forgetting() {
        return new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public void update(double learningRate) {
                delegate.update(learningRate);
                if (delegate.steps() > 2 * 24) {
                    delegate.state().forEach(named -> named.array().assign(0));
                }
            }
        };
    }

    private List<String> train(TrainableNetwork network, int epochs, int validationSamples) throws IOException {
        List<String> console = new ArrayList<>();
        new Trainer(network, new TrainingConfig(epochs, 0.5, 0.05, validationSamples, 77, out), console::add)
                .train(dataset.split(validationSamples));
        return console;
    }

    @Test
    void aMissingModelOfTheCheckpointsEpochIsRebuiltFromTheCheckpoint() throws IOException {
        // without validation samples every epoch is the best, so the checkpoint holds the best epoch's state
        Supplier<TrainableNetwork> network = () -> new LinearSoftmaxNetwork(DataType.FLOAT, 77);
        train(network.get(), 3, 0);
        byte[] uninterrupted = Files.readAllBytes(out.resolve("model.bin"));
        Files.delete(out.resolve("model.bin"));

        List<String> console = train(network.get(), 3, 0);

        assertTrue(console.contains(out.resolve("model.bin") + " is missing: rebuilt from the checkpoint, which holds"
                + " the best epoch, 3"), console.toString());
        assertArrayEquals(uninterrupted, Files.readAllBytes(out.resolve("model.bin")));
    }

    @Test
    void aDamagedModelOfAnEarlierBestEpochIsRebuiltByTrainingAgain() throws IOException {
        train(forgetting(), 4, 60);
        Path model = out.resolve("model.bin");
        byte[] uninterrupted = Files.readAllBytes(model);
        byte[] damaged = uninterrupted.clone();
        damaged[damaged.length / 2] ^= 0x10;
        Files.write(model, damaged);

        List<String> console = train(forgetting(), 4, 60);

        assertTrue(console.stream().anyMatch(line -> line.startsWith(model + " is damaged (")
                && line.endsWith(", and the checkpoint holds epoch 4, not the best epoch 2: training again from the"
                        + " start to rebuild it")), console.toString());
        assertArrayEquals(uninterrupted, Files.readAllBytes(model));
    }

    @Test
    void aFinishedModelOfAnotherConfigurationIsKeptWithItsMetrics() throws IOException {
        train(new LinearSoftmaxNetwork(DataType.FLOAT, 77), 3, 60);
        byte[] threeEpochs = Files.readAllBytes(out.resolve("model.bin"));
        byte[] threeEpochMetrics = Files.readAllBytes(out.resolve("metrics.csv"));

        List<String> console = train(new LinearSoftmaxNetwork(DataType.FLOAT, 77), 1, 60);

        List<Path> kept;
        try (Stream<Path> folders = Files.list(out.resolve(PreviousRuns.DIRECTORY))) {
            kept = folders.toList();
        }
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).getFileName().toString().matches("\\d{8}T\\d{6}Z-epoch3-[0-9a-f]+"), kept.toString());
        assertArrayEquals(threeEpochs, Files.readAllBytes(kept.get(0).resolve("model.bin")));
        assertArrayEquals(threeEpochMetrics, Files.readAllBytes(kept.get(0).resolve("metrics.csv")));
        assertTrue(console.contains("kept the model already in " + out + " (its model is not this run's) in "
                + kept.get(0)), console.toString());
        assertEquals(2, Files.readAllLines(out.resolve("metrics.csv")).size(), "the new run's own metrics");
    }
}
