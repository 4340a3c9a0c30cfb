package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.model.CheckpointFile;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.model.ModelHeader;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.optim.LearningRateSchedule;
import org.binaryconnect.runtime.report.ReportInputs;
import org.binaryconnect.runtime.report.TrainingReport;
import org.binaryconnect.runtime.run.ClassNames;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.run.TrainingProgress;
import org.binaryconnect.runtime.run.TrainingResult;

/**
 * The training loop, as the authors ran it: every epoch a fresh shuffle, full batches only (the remainder is
 * dropped), the learning rate decayed per epoch, then validation and test accuracy (with the evaluation weights,
 * and with binary weights where those differ, see {@link EpochResult}). The state of the best
 * validation epoch is saved as {@code model.bin} whenever validation improves; {@code metrics.csv} gets a row per
 * epoch; {@code checkpoint.bin} holds everything needed to continue after the last completed epoch. At the end,
 * {@code metrics.json}, the learning curves and test confusion matrix as PNG and {@code report.html} join them.
 *
 * <p>A run whose output directory holds a checkpoint of the same run (same {@link RunKey}) continues from it and
 * ends exactly as the uninterrupted run would have: the checkpoint restores weights, BatchNorm statistics,
 * optimizer moments and steps and the network's random state, and the shuffle order is replayed from the seed.
 */
public final class Trainer {

    // Shuffling draws from its own stream: the network seeds its initialisation and sampling with the same seed,
    // and the two must not be the same sequence.
    private static final long SHUFFLE_STREAM = 0x5348_5546_464C_4531L;

    private final TrainableNetwork network;
    private final TrainingConfig config;
    private final Consumer<String> console;
    private final TrainingOptions options;
    private final ProgressDisplay progress;
    // null: the steps run here, in this JVM
    private final StepSource steps;

    /** A run that resumes its own checkpoint. @param console receives one line per epoch */
    public Trainer(TrainableNetwork network, TrainingConfig config, Consumer<String> console) {
        this(network, config, console, TrainingOptions.DEFAULT);
    }

    /** @param console receives one line per epoch, and what the run has to say besides */
    public Trainer(TrainableNetwork network, TrainingConfig config, Consumer<String> console,
            TrainingOptions options) {
        this(network, config, console, options, ProgressDisplay.epochLines(console));
    }

    /**
     * @param console receives what the run has to say besides its progress (resuming, the report's place)
     * @param progress shows each epoch (and, if it likes, each batch); closed when training ends
     */
    public Trainer(TrainableNetwork network, TrainingConfig config, Consumer<String> console,
            TrainingOptions options, ProgressDisplay progress) {
        this(network, config, console, options, progress, null);
    }

    /**
     * A run whose steps {@code steps} takes (e.g. on a cluster); everything else (shuffling, evaluation, metrics,
     * checkpoints, the report) happens here as in a run of one JVM.
     *
     * @param steps takes each epoch's steps; null takes them here
     */
    public Trainer(TrainableNetwork network, TrainingConfig config, Consumer<String> console,
            TrainingOptions options, ProgressDisplay progress, StepSource steps) {
        this.network = network;
        this.config = config;
        this.console = console;
        this.options = options;
        this.progress = progress;
        this.steps = steps;
    }

    /**
     * Trains on {@code data.training()} for {@code config.epochs()} epochs, creating the output directory first.
     *
     * @throws ConfigurationException when there are fewer training samples than one batch (nothing is written)
     * @throws TrainingDivergedException when a step's loss is NaN or infinite, or explodes
     * @throws org.binaryconnect.runtime.model.ModelFileException when the checkpoint to resume is damaged
     */
    public TrainingResult train(DatasetSplit data) throws IOException {
        // the report's names, which model.bin records too; checked before anything is written
        List<String> classNames = ClassNames.checked(data.classNames(), network.description().classes());
        int batchSize = network.description().batchSize();
        int batches = data.training().size() / batchSize;
        if (batches == 0) {
            throw new ConfigurationException(data.validation().size() == 0
                    ? "The data holds " + data.training().size() + " training samples, fewer than one batch of "
                            + batchSize + ": give more training data, or a smaller batchSize in @Training."
                    : "Only " + data.training().size() + " training samples remain after "
                            + data.validation().size() + " are held out for validation, fewer than one batch of "
                            + batchSize + ": lower validationSamples"
                            + (data.training().size() + data.validation().size() >= batchSize ? "."
                                    : ", and give more training data or a smaller batchSize in @Training: all "
                                            + (data.training().size() + data.validation().size())
                                            + " together are fewer than one batch."));
        }
        BatchFiller batch = new BatchFiller(network);
        StepSource source = steps != null ? steps : new LocalSteps(batch);
        Evaluator evaluator = new Evaluator(network);
        boolean binaryApart = evaluator.binaryAccuracyApart();
        LearningRateSchedule schedule = config.schedule();
        Path output = config.outputDirectory();
        Files.createDirectories(output);
        CheckpointFile.deleteAbandonedWrites(output);
        Path modelFile = output.resolve(ModelFile.FILE_NAME);
        Path metricsFile = output.resolve(MetricsCsv.FILE_NAME);
        Path checkpointFile = output.resolve(CheckpointFile.FILE_NAME);
        String runKey = RunKey.of(network.description(), config, source.resultKey().isEmpty() ? options.dataKey()
                : options.dataKey() + " steps: " + source.resultKey());

        int[] order = identity(data.training().size());
        Rng shuffleRng = new Rng(config.seed() ^ SHUFFLE_STREAM);
        BestEpoch best = new BestEpoch();
        List<EpochResult> epochs = new ArrayList<>();
        TrainingProgress resumed = resumePoint(checkpointFile, modelFile, runKey);
        DivergenceCheck divergence = new DivergenceCheck(resumed == null ? Double.NaN : resumed.referenceLoss());
        ConfusionMatrix bestTest = resumed == null ? null : resumed.bestTestMatrix();
        if (resumed != null) {
            for (int epoch = 1; epoch <= resumed.epoch(); epoch++) {
                shuffle(order, shuffleRng);
            }
            for (EpochResult done : resumed.history()) {
                epochs.add(done);
                best.offer(done);
            }
            console.accept("resuming from " + checkpointFile + " after epoch " + resumed.epoch() + " of "
                    + config.epochs());
        }
        try (ProgressDisplay display = progress) {
            MetricsCsv.write(metricsFile, epochs);
            for (int epoch = epochs.size() + 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                shuffle(order, shuffleRng);
                double learningRate = schedule.rateAt(epoch);
                display.epochStarted(epoch, config.epochs(), batches, batchSize);
                double lossSum = source.trainEpoch(new EpochSteps(network, data.training(), order, batches, epoch,
                        learningRate, divergence, display));
                double trainingSeconds = (System.nanoTime() - start) / 1e9;
                double validationAccuracy = evaluator.accuracy(data.validation());
                ConfusionMatrix test = evaluator.confusionMatrix(data.test());
                double testAccuracy = test.accuracy();
                // what export ships, where the evaluation weights are not it; else the same figures, measured once
                double validationBinary = binaryApart ? evaluator.binaryAccuracy(data.validation())
                        : validationAccuracy;
                double testBinary = binaryApart ? evaluator.binaryAccuracy(data.test()) : testAccuracy;
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochResult result = new EpochResult(epoch, learningRate, lossSum / batches, validationAccuracy,
                        testAccuracy, seconds, (double) batches * batchSize / trainingSeconds, validationBinary,
                        testBinary, binaryApart);
                epochs.add(result);
                MetricsCsv.write(metricsFile, epochs);
                if (best.offer(result)) {
                    ModelFile.save(modelFile, network, epoch, data.pipeline(), data.classNames());
                    bestTest = test;
                }
                CheckpointFile.save(checkpointFile, network, new TrainingProgress(epoch, runKey,
                        network.randomState(), network.steps(), divergence.referenceLoss(), epochs, bestTest),
                        data.pipeline(), data.classNames());
                display.epochDone(result);
            }
        }
        TrainingResult result = new TrainingResult(epochs, best.best(), modelFile, metricsFile);
        TrainingReport.write(output, ReportInputs.of(network.description(), config, result, bestTest,
                classNames));
        console.accept("report: " + output.resolve(TrainingReport.REPORT_HTML));
        return result;
    }

    /**
     * Restores the checkpoint in the output directory when resuming is on and it belongs to this run; null when
     * the run starts from the beginning. A model of another run that starting again would replace is kept (see
     * {@link PreviousRuns}); a missing or damaged model of this run is rebuilt, from the checkpoint when it holds
     * the best epoch, else by training again from the start, which gives the same bits.
     *
     * @throws org.binaryconnect.runtime.model.ModelFileException when the checkpoint is damaged: it is left as it
     *     is, for the user to look at or delete
     */
    private TrainingProgress resumePoint(Path checkpointFile, Path modelFile, String runKey) throws IOException {
        if (!options.resume() || !Files.exists(checkpointFile)) {
            if (!options.resume() || isForeign(modelFile)) {
                keepPrevious(options.resume() ? "a model of another network" : "training restarts (resume is off)");
            }
            return null;
        }
        CheckpointFile.Loaded checkpoint = CheckpointFile.read(checkpointFile);
        TrainingProgress saved = checkpoint.progress();
        if (!saved.runKey().equals(runKey)) {
            console.accept("checkpoint " + checkpointFile + " is from a run with another network, configuration or "
                    + "data: training from the start");
            keepPrevious("its model is not this run's");
            return null;
        }
        if (saved.epoch() > config.epochs()) {
            throw new IllegalStateException("checkpoint after epoch " + saved.epoch() + " of a " + config.epochs()
                    + "-epoch run");
        }
        int bestEpoch = bestEpoch(saved.history());
        String problem = modelProblem(modelFile, bestEpoch, saved.epoch());
        if (problem == null) {
            return checkpoint.restoreInto(network);
        }
        if (bestEpoch == saved.epoch()) {
            TrainingProgress restored = checkpoint.restoreInto(network);
            ModelHeader recorded = checkpoint.header();
            ModelFile.save(modelFile, network, bestEpoch, recorded.pipeline(), recorded.classNames());
            console.accept(modelFile + " " + problem + ": rebuilt from the checkpoint, which holds the best epoch, "
                    + bestEpoch);
            return restored;
        }
        console.accept(modelFile + " " + problem + ", and the checkpoint holds epoch " + saved.epoch() + ", not the"
                + " best epoch " + bestEpoch + ": training again from the start to rebuild it");
        return null;
    }

    /** Why {@code modelFile} is not the model of this run's best epoch; null when it is whole and in order. */
    private String modelProblem(Path modelFile, int bestEpoch, int checkpointEpoch) throws IOException {
        if (!Files.exists(modelFile)) {
            return "is missing";
        }
        ModelHeader header;
        try {
            header = ModelFile.readHeader(modelFile);
        } catch (ModelFileException e) {
            return "is damaged (" + e.getMessage() + ")";
        }
        if (!header.fingerprint().equals(network.description().fingerprint())) {
            return "holds a model of another network";
        }
        // a later epoch's model: the run stopped between saving it and the checkpoint, and will save it again
        if (header.epoch() != bestEpoch && header.epoch() <= checkpointEpoch) {
            return "holds epoch " + header.epoch() + ", not the best epoch " + bestEpoch;
        }
        return null;
    }

    private boolean isForeign(Path modelFile) throws IOException {
        String fingerprint = Files.exists(modelFile) ? PreviousRuns.fingerprint(modelFile) : null;
        return fingerprint != null && !fingerprint.equals(network.description().fingerprint());
    }

    private void keepPrevious(String why) throws IOException {
        Path kept = PreviousRuns.keep(config.outputDirectory());
        if (kept != null) {
            console.accept("kept the model already in " + config.outputDirectory() + " (" + why + ") in " + kept);
        }
    }

    private static int bestEpoch(List<EpochResult> history) {
        BestEpoch best = new BestEpoch();
        for (EpochResult epoch : history) {
            best.offer(epoch);
        }
        return best.best().epoch();
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
