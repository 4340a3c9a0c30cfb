package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.optim.LearningRateSchedule;

/**
 * The training loop, as the authors ran it: every epoch a fresh shuffle, full batches only (the remainder is
 * dropped), the learning rate decayed per epoch, then validation and test accuracy. The state of the best
 * validation epoch is saved as {@code model.bin} whenever validation improves; {@code metrics.csv} gets a row per
 * epoch.
 */
public final class Trainer {

    // Shuffling draws from its own stream: the network seeds its initialisation and sampling with the same seed,
    // and the two must not be the same sequence.
    private static final long SHUFFLE_STREAM = 0x5348_5546_464C_4531L;

    private final TrainableNetwork network;
    private final TrainingConfig config;
    private final Consumer<String> console;

    /** @param console receives one line per epoch */
    public Trainer(TrainableNetwork network, TrainingConfig config, Consumer<String> console) {
        this.network = network;
        this.config = config;
        this.console = console;
    }

    /**
     * Trains on {@code data.training()} for {@code config.epochs()} epochs, creating the output directory first.
     *
     * @throws ConfigurationException when there are fewer training samples than one batch (nothing is written)
     * @throws TrainingDivergedException when a step's loss is NaN or infinite
     */
    public TrainingResult train(DatasetSplit data) throws IOException {
        int batchSize = network.description().batchSize();
        int batches = data.training().size() / batchSize;
        if (batches == 0) {
            throw new ConfigurationException("Only " + data.training().size() + " training samples remain after "
                    + data.validation().size() + " are held out for validation, fewer than one batch of "
                    + batchSize + ": lower validationSamples.");
        }
        BatchFiller batch = new BatchFiller(network);
        Evaluator evaluator = new Evaluator(network);
        LearningRateSchedule schedule = config.schedule();
        Path output = config.outputDirectory();
        Files.createDirectories(output);
        Path modelFile = output.resolve(ModelFile.FILE_NAME);
        Path metricsFile = output.resolve(MetricsCsv.FILE_NAME);

        int[] order = identity(data.training().size());
        Rng shuffleRng = new Rng(config.seed() ^ SHUFFLE_STREAM);
        BestEpoch best = new BestEpoch();
        List<EpochResult> epochs = new ArrayList<>();
        try (MetricsCsv metrics = MetricsCsv.create(metricsFile)) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                shuffle(order, shuffleRng);
                double learningRate = schedule.rateAt(epoch);
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    batch.fill(data.training(), order, b * batchSize);
                    double loss = network.trainStep(learningRate);
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException(epoch, b + 1, batches, loss, learningRate);
                    }
                    lossSum += loss;
                }
                double trainingSeconds = (System.nanoTime() - start) / 1e9;
                double validationAccuracy = evaluator.accuracy(data.validation());
                double testAccuracy = evaluator.accuracy(data.test());
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochResult result = new EpochResult(epoch, learningRate, lossSum / batches, validationAccuracy,
                        testAccuracy, seconds, (double) batches * batchSize / trainingSeconds);
                epochs.add(result);
                metrics.append(result);
                if (best.offer(result)) {
                    ModelFile.save(modelFile, network, epoch);
                }
                console.accept(result.consoleLine(config.epochs()));
            }
        }
        return new TrainingResult(epochs, best.best(), modelFile, metricsFile);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher-Yates. */
    static void shuffle(int[] order, Rng rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
