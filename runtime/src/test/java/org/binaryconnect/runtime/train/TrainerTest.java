package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.IdxFiles;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.data.SyntheticImages;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.optim.LearningRateSchedule;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.run.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class TrainerTest {

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

    private static TrainingConfig config(int epochs, Path output) {
        return new TrainingConfig(epochs, 0.5, 0.05, 60, 77, output);
    }

    @Test
    void aNetworkEvaluatedWithWhatShipsIsEvaluatedOnceAnEpoch() throws IOException {
        EvaluationLog network = new EvaluationLog(new LinearSoftmaxNetwork(DataType.FLOAT, 77),
                EvaluationWeights.BINARY, true);

        TrainingResult result = new Trainer(network, config(2, out), line -> { }).train(dataset.split(60));

        // validation and test, with the network's weights, and nothing else
        assertEquals(List.of(EvaluationWeights.BINARY, EvaluationWeights.BINARY, EvaluationWeights.BINARY,
                EvaluationWeights.BINARY), network.preparations);
        assertFalse(result.epochs().get(1).binaryApart());
    }

    @Test
    void aNetworkEvaluatedWithRealWeightsIsAlsoEvaluatedWithBinaryWeights() throws IOException {
        EvaluationLog network = new EvaluationLog(new LinearSoftmaxNetwork(DataType.FLOAT, 77), EvaluationWeights.REAL,
                true);
        List<String> console = new ArrayList<>();

        TrainingResult result = new Trainer(network, config(2, out), console::add).train(dataset.split(60));

        List<EvaluationWeights> epoch = List.of(EvaluationWeights.REAL, EvaluationWeights.REAL,
                EvaluationWeights.BINARY, EvaluationWeights.BINARY);
        assertEquals(List.of(epoch, epoch).stream().flatMap(List::stream).toList(), network.preparations);
        assertTrue(result.epochs().get(1).binaryApart());
        assertTrue(console.get(1).matches("epoch 2/2  .*  val_accuracy \\d\\.\\d{4} \\(binary \\d\\.\\d{4}\\)"
                + "  test_accuracy \\d\\.\\d{4} \\(binary \\d\\.\\d{4}\\)  .*"), console.get(1));
    }

    /**
     * A network that declares {@code evaluation} weights (and, with {@code binaryLayer}, a binary layer) and records
     * every {@code prepareEvaluation}.
     */
    private static final class EvaluationLog extends ForwardingNetwork {

        final List<EvaluationWeights> preparations = new ArrayList<>();
        private final NetworkDescription description;

        EvaluationLog(TrainableNetwork delegate, EvaluationWeights evaluation, boolean binaryLayer) {
            super(delegate);
            NetworkDescription d = delegate.description();
            List<LayerDescription> layers = d.layers().stream().map(l -> new LayerDescription(l.name(), l.inputs(),
                    l.units(), binaryLayer, l.h(), l.batchNorm(), l.batchNormEpsilon(), l.activation(), l.dropout(),
                    l.summary())).toList();
            this.description = new NetworkDescription(d.name(), d.specClass(), d.inputShape(), d.classes(),
                    d.batchSize(), d.binarization(), d.loss(), evaluation, 1, d.optimizer(), d.training(), layers);
        }

        @Override
        public NetworkDescription description() {
            return description;
        }

        @Override
        public void prepareEvaluation(EvaluationWeights weights) {
            preparations.add(weights);
            delegate.prepareEvaluation(weights);
        }
    }

    @Test
    void learnsSeparableDataAndWritesMetricsAndBestModel() throws IOException {
        LinearSoftmaxNetwork network = new LinearSoftmaxNetwork(DataType.FLOAT, 77);
        // from all-zero weights every sample is predicted as class 0: chance level, whatever the seed
        network.state().forEach(named -> named.array().assign(0));
        DatasetSplit split = dataset.split(60);
        double untrained = new Evaluator(network).accuracy(split.test());
        List<String> console = new ArrayList<>();

        TrainingResult result = new Trainer(network, config(4, out), console::add).train(split);

        assertTrue(untrained < 0.45, "untrained accuracy " + untrained);
        assertTrue(result.testAccuracy() > 0.9, "test accuracy " + result.testAccuracy());
        // 245 training samples in batches of 10: 24 full batches per epoch, the remainder dropped
        assertEquals(4 * 24, network.steps());
        assertEquals(4, result.epochs().size());

        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(MetricsCsv.HEADER, csv.get(0));
        assertEquals(5, csv.size());
        LearningRateSchedule schedule = new LearningRateSchedule(0.5, 0.05, 4);
        for (int epoch = 1; epoch <= 4; epoch++) {
            String[] row = csv.get(epoch).split(",");
            assertEquals(9, row.length);
            // a full-precision network: its evaluation weights are what ships, so the binary columns repeat them
            assertEquals(row[3], row[7]);
            assertEquals(row[4], row[8]);
            assertEquals(String.valueOf(epoch), row[0]);
            assertEquals(schedule.rateAt(epoch), Double.parseDouble(row[1]), 1e-6);
            EpochResult figures = result.epochs().get(epoch - 1);
            assertEquals(figures.validationAccuracy(), Double.parseDouble(row[3]), 1e-6);
            assertEquals(figures.testAccuracy(), Double.parseDouble(row[4]), 1e-6);
            assertTrue(Double.parseDouble(row[3]) >= 0 && Double.parseDouble(row[3]) <= 1);
            assertTrue(Double.parseDouble(row[6]) > 0);
        }
        assertTrue(result.epochs().get(3).trainLoss() < result.epochs().get(0).trainLoss());

        assertEquals(5, console.size());
        assertTrue(console.get(0).startsWith("epoch 1/4  lr 0.500  train_loss "), console.get(0));
        assertEquals("report: " + out.resolve("report.html"), console.get(4));
        for (String file : List.of("model.bin", "checkpoint.bin", "metrics.csv", "metrics.json", "learning-curves.png",
                "confusion-matrix.png", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(console.get(3).matches("epoch 4/4  lr 0\\.0\\d+  train_loss \\d\\.\\d{4}  val_accuracy \\d\\.\\d{4}"
                + "  test_accuracy \\d\\.\\d{4}  \\d+\\.\\d s  \\d+ samples/s"), console.get(3));
    }

    @Test
    void reportsTheTestAccuracyOfTheBestValidationEpochAndSavesItsState() throws IOException {
        // learns for two epochs, then forgets everything: epochs 3 and 4 predict class 0 for every sample
        TrainableNetwork forgetting = new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public void update(double learningRate) {
                delegate.update(learningRate);
                if (delegate.steps() > 2 * 24) {
                    delegate.state().forEach(named -> named.array().assign(0));
                }
            }
        };
        DatasetSplit split = dataset.split(60);

        TrainingResult result = new Trainer(forgetting, config(4, out), line -> { }).train(split);

        assertTrue(result.best().epoch() <= 2, "best epoch " + result.best().epoch());
        assertTrue(result.testAccuracy() > 0.9, "best epoch's test accuracy " + result.testAccuracy());
        assertTrue(result.epochs().get(3).testAccuracy() < 0.5, "last epoch " + result.epochs().get(3));
        double bestValidation = result.epochs().stream().mapToDouble(EpochResult::validationAccuracy).max()
                .orElseThrow();
        int lastBest = 0;
        for (EpochResult epoch : result.epochs()) {
            if (epoch.validationAccuracy() == bestValidation) {
                lastBest = epoch.epoch();
            }
        }
        assertEquals(lastBest, result.best().epoch(), "ties go to the later epoch");
        assertEquals(result.epochs().get(lastBest - 1).testAccuracy(), result.testAccuracy());
        assertEquals(lastBest, ModelFile.readHeader(out.resolve("model.bin")).epoch());

        LinearSoftmaxNetwork reloaded = new LinearSoftmaxNetwork(DataType.FLOAT, 1);
        ModelFile.load(result.modelFile(), reloaded);
        Evaluator evaluator = new Evaluator(reloaded);
        assertEquals(result.best().validationAccuracy(), evaluator.accuracy(split.validation()));
        assertEquals(result.best().testAccuracy(), evaluator.accuracy(split.test()));
        assertTrue(result.summaryLine().startsWith("best validation accuracy "), result.summaryLine());
        assertTrue(result.summaryLine().endsWith("; model: " + out.resolve("model.bin")), result.summaryLine());
    }

    @Test
    void sameSeedSameRun() throws IOException {
        TrainingResult first = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(2, out.resolve("a")),
                line -> { }).train(dataset.split(60));
        TrainingResult second = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77),
                config(2, out.resolve("b")), line -> { }).train(dataset.split(60));
        TrainingResult otherShuffle = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77),
                new TrainingConfig(2, 0.5, 0.05, 60, 78, out.resolve("c")), line -> { }).train(dataset.split(60));

        for (int i = 0; i < 2; i++) {
            assertEquals(first.epochs().get(i).trainLoss(), second.epochs().get(i).trainLoss());
        }
        assertFalse(first.epochs().get(0).trainLoss() == otherShuffle.epochs().get(0).trainLoss());
    }

    @Test
    void withoutValidationTheLastEpochIsKept() throws IOException {
        TrainingResult result = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77),
                new TrainingConfig(2, 0.5, 0.05, 0, 77, out), line -> { }).train(dataset.split(0));

        assertEquals(2, result.best().epoch());
        assertTrue(Double.isNaN(result.best().validationAccuracy()));
        assertEquals("1,0.500000,", Files.readAllLines(out.resolve("metrics.csv")).get(1).substring(0, 11));
        assertTrue(Files.readAllLines(out.resolve("metrics.csv")).get(1).contains(",,"), "empty val_accuracy");
    }

    @Test
    void nanLossStopsTrainingNamingEpochAndBatch() throws IOException {
        // 24 steps per epoch: the 27th step is epoch 2, batch 3
        int[] updates = new int[1];
        float[][] beforeTheFailedStep = new float[1][];
        TrainableNetwork diverging = new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public double forwardBackward() {
                double loss = delegate.forwardBackward();
                if (delegate.steps() == 26) {
                    beforeTheFailedStep[0] = delegate.parameters().get(0).value().data().asFloat();
                    return Double.NaN;
                }
                return loss;
            }

            @Override
            public void update(double learningRate) {
                updates[0]++;
                delegate.update(learningRate);
            }
        };

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(diverging, config(4, out), line -> { }).train(dataset.split(60)));

        assertEquals(2, e.epoch());
        assertEquals(3, e.batch());
        assertTrue(Double.isNaN(e.loss()));
        assertTrue(e.getMessage().startsWith("Training diverged at epoch 2, batch 3 of 24: the loss is NaN"),
                e.getMessage());
        assertEquals(2, Files.readAllLines(out.resolve("metrics.csv")).size(), "epoch 1's row was flushed");
        assertEquals(26, updates[0], "the step whose loss is NaN is not applied");
        assertEquals(26, diverging.steps());
        assertArrayEquals(beforeTheFailedStep[0], diverging.parameters().get(0).value().data().asFloat(),
                "the weights are those before the failed step");
    }

    @Test
    void infiniteLossDivergesToo() {
        TrainableNetwork diverging = new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public double forwardBackward() {
                delegate.forwardBackward();
                return Double.POSITIVE_INFINITY;
            }
        };

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(diverging, config(1, out), line -> { }).train(dataset.split(60)));

        assertEquals(1, e.epoch());
        assertEquals(1, e.batch());
    }

    @Test
    void explodingLossDivergesEvenWhileFinite() {
        TrainableNetwork exploding = new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public double forwardBackward() {
                double loss = delegate.forwardBackward();
                return delegate.steps() >= 5 ? loss * 1e6 : loss;
            }
        };

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(exploding, config(1, out), line -> { }).train(dataset.split(60)));

        assertEquals(6, e.batch());
        assertTrue(e.getMessage().contains("more than 10000 times the first batch's"), e.getMessage());
    }

    @Test
    void nanNamesTheLayerAndParameterWhereItAppeared() {
        TrainableNetwork poisoned = new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public void update(double learningRate) {
                delegate.update(learningRate);
                if (delegate.steps() == 26) {
                    delegate.parameters().get(0).value().putScalar(3, 1, Double.NaN);
                }
            }
        };

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(poisoned, config(2, out), line -> { }).train(dataset.split(60)));

        assertEquals(2, e.epoch());
        assertEquals(3, e.batch());
        assertTrue(e.getMessage().contains("NaN or infinite values first appear in layer linear (linear.output)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the parameters [linear.W] hold NaN"), e.getMessage());
    }

    @Test
    void interruptedRunResumesFromItsCheckpointToTheUninterruptedResult() throws IOException {
        Path uninterrupted = out.resolve("uninterrupted");
        Path interrupted = out.resolve("interrupted");
        TrainingResult expected = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(4, uninterrupted),
                line -> { }).train(dataset.split(60));
        // dies in epoch 3 (24 steps per epoch), after the checkpoint of epoch 2
        TrainableNetwork dying = new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public double forwardBackward() {
                if (delegate.steps() == 58) {
                    throw new IllegalStateException("killed");
                }
                return delegate.forwardBackward();
            }
        };
        assertThrows(IllegalStateException.class,
                () -> new Trainer(dying, config(4, interrupted), line -> { }).train(dataset.split(60)));
        List<String> console = new ArrayList<>();

        TrainingResult resumed = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(4, interrupted),
                console::add).train(dataset.split(60));

        assertTrue(console.get(0).contains("resuming from") && console.get(0).contains("after epoch 2 of 4"),
                console.toString());
        assertEquals(List.of("epoch 3/4", "epoch 4/4"), console.subList(1, 3).stream()
                .map(line -> line.substring(0, 9)).toList(), "epochs 3 and 4 only: " + console);
        assertEquals(4, resumed.epochs().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(expected.epochs().get(i).trainLoss(), resumed.epochs().get(i).trainLoss(), 0.0);
            assertEquals(expected.epochs().get(i).testAccuracy(), resumed.epochs().get(i).testAccuracy(), 0.0);
        }
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("model.bin")),
                Files.readAllBytes(interrupted.resolve("model.bin")));
        assertEquals(5, Files.readAllLines(interrupted.resolve("metrics.csv")).size());
    }

    @Test
    void aFullDiskDuringACheckpointWriteLeavesThePreviousCheckpointToResumeFrom() throws IOException {
        Path uninterrupted = out.resolve("uninterrupted");
        TrainingResult expected = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(4, uninterrupted),
                line -> { }).train(dataset.split(60));
        TrainableNetwork dying = new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public double forwardBackward() {
                if (delegate.steps() == 58) {
                    throw new IllegalStateException("killed");
                }
                return delegate.forwardBackward();
            }
        };
        assertThrows(IllegalStateException.class,
                () -> new Trainer(dying, config(4, out), line -> { }).train(dataset.split(60)));
        Path checkpoint = out.resolve("checkpoint.bin");
        byte[] epochTwo = Files.readAllBytes(checkpoint);

        IOException full;
        System.setProperty("binaryconnect.faultTest.diskFullWriting", "checkpoint.bin");
        try {
            full = assertThrows(IOException.class, () -> new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77),
                    config(4, out), line -> { }).train(dataset.split(60)));
        } finally {
            System.clearProperty("binaryconnect.faultTest.diskFullWriting");
        }

        assertEquals("Cannot write the checkpoint of epoch 3 to " + checkpoint + " (No space left on device); the "
                + "previous checkpoint is intact: make room (or choose another outputDirectory) and run again to "
                + "continue from it.", full.getMessage());
        assertArrayEquals(epochTwo, Files.readAllBytes(checkpoint));
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }
        List<String> console = new ArrayList<>();
        TrainingResult resumed = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(4, out),
                console::add).train(dataset.split(60));
        assertTrue(console.get(0).contains("after epoch 2 of 4"), console.toString());
        assertEquals(expected.epochs().get(3).trainLoss(), resumed.epochs().get(3).trainLoss(), 0.0);
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("model.bin")),
                Files.readAllBytes(out.resolve("model.bin")));
    }

    @Test
    void damagedCheckpointFailsAndIsLeftAsItWas() throws IOException {
        new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(2, out), line -> { })
                .train(dataset.split(60));
        Path checkpoint = out.resolve("checkpoint.bin");
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(checkpoint, bytes);

        ModelFileException e = assertThrows(ModelFileException.class,
                () -> new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(2, out), line -> { })
                        .train(dataset.split(60)));

        assertTrue(e.getMessage().startsWith("Checkpoint " + checkpoint + " is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("delete it to train from the start"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(checkpoint));
    }

    @Test
    void checkpointOfAnotherConfigurationIsNotResumed() throws IOException {
        new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(2, out), line -> { })
                .train(dataset.split(60));
        List<String> console = new ArrayList<>();
        TrainingConfig otherRate = new TrainingConfig(2, 0.25, 0.05, 60, 77, out);

        TrainingResult result = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), otherRate, console::add)
                .train(dataset.split(60));

        assertTrue(console.get(0).contains("is from a run with another network, configuration or data"),
                console.toString());
        TrainingResult fresh = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77),
                new TrainingConfig(2, 0.25, 0.05, 60, 77, out.resolve("fresh")), line -> { })
                .train(dataset.split(60));
        assertEquals(fresh.epochs().get(1).trainLoss(), result.epochs().get(1).trainLoss(), 0.0);
    }

    @Test
    void resumeOffStartsOver() throws IOException {
        new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(2, out), line -> { })
                .train(dataset.split(60));
        List<String> console = new ArrayList<>();

        TrainingResult result = new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77), config(2, out),
                console::add, new TrainingOptions(false, "")).train(dataset.split(60));

        assertEquals(4, console.size(), console.toString());
        // the first run's model is kept, not overwritten: starting over is on purpose, losing a model is not
        assertTrue(console.get(0).startsWith("kept the model already in " + out + " (training restarts (resume is"
                + " off)) in " + out.resolve(PreviousRuns.DIRECTORY)), console.toString());
        assertTrue(console.get(1).startsWith("epoch 1/2 "), console.toString());
        assertEquals(2, result.epochs().size());
    }

    @Test
    void fewerTrainingSamplesThanOneBatchWritesNothing() {
        Path output = out.resolve("never");
        DatasetSplit split = dataset.split(300);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new Trainer(new LinearSoftmaxNetwork(DataType.FLOAT, 77),
                        new TrainingConfig(1, 0.5, 0.05, 300, 77, output), line -> { }).train(split));

        assertTrue(e.getMessage().contains("Only 5 training samples remain after 300 are held out"), e.getMessage());
        assertFalse(Files.exists(output));
    }

    @Test
    void dataSmallerThanOneBatchAdvisesMoreDataOrASmallerBatchNotOnlyFewerValidationSamples() {
        Samples all = dataset.training();
        DatasetSplit smallerThanABatch = new DatasetSplit(all.range(0, 5), all.range(5, 8), dataset.test());
        DatasetSplit nothingHeldOut = new DatasetSplit(all.range(0, 7), all.range(0, 0), dataset.test());

        String held = assertThrows(ConfigurationException.class, () -> new Trainer(
                new LinearSoftmaxNetwork(DataType.FLOAT, 77), new TrainingConfig(1, 0.5, 0.05, 3, 77,
                        out.resolve("held")), line -> { }).train(smallerThanABatch)).getMessage();
        String none = assertThrows(ConfigurationException.class, () -> new Trainer(
                new LinearSoftmaxNetwork(DataType.FLOAT, 77), new TrainingConfig(1, 0.5, 0.05, 0, 77,
                        out.resolve("none")), line -> { }).train(nothingHeldOut)).getMessage();

        assertEquals("Only 5 training samples remain after 3 are held out for validation, fewer than one batch of 10:"
                + " lower validationSamples, and give more training data or a smaller batchSize in @Training: all 8"
                + " together are fewer than one batch.", held);
        assertEquals("The data holds 7 training samples, fewer than one batch of 10: give more training data, or a"
                + " smaller batchSize in @Training.", none);
    }

    @Test
    void shuffleIsAPermutation() {
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        Trainer.shuffle(order, new Rng(5));

        assertEquals(45, Arrays.stream(order).sum());
        assertEquals(10, Arrays.stream(order).distinct().count());
        assertFalse(Arrays.equals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, order));
    }
}
