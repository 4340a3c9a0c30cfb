package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.report.NetworkSummary;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.run.TrainingResult;

/**
 * Runs a whole training request: creates the network, settles the configuration, loads and checks the data,
 * trains, and reports on {@code console}. Everything is checked before the output directory is created, so a bad
 * request writes nothing.
 */
public final class TrainingService {

    private final Consumer<String> console;

    /** @param console receives the description, one line per epoch, and the summary */
    public TrainingService(Consumer<String> console) {
        this.console = console;
    }

    /**
     * @throws ConfigurationException for a bad request (unknown class, impossible values)
     * @throws org.binaryconnect.runtime.data.DataException for missing, damaged or unfitting data
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     */
    public TrainingResult train(TrainingRequest request) throws IOException {
        return train(request, null);
    }

    /**
     * {@link #train(TrainingRequest)} with each epoch's steps taken by {@code steps} (e.g. on a cluster).
     *
     * @param steps null takes them in this JVM
     */
    public TrainingResult train(TrainingRequest request, StepSource steps) throws IOException {
        TrainableNetwork network = NetworkClasses.instantiate(request.networkClass(), request.overrides().seed());
        TrainingConfig config = TrainingConfig.of(network.description().training(), request.overrides(),
                request.outputDirectory());
        return train(network, request.data().withConsole(console), config, request.resume(), request.progress(),
                steps);
    }

    /** Trains {@code network}, which must have been created with {@code config.seed()}, on the data in {@code data}. */
    public TrainingResult train(TrainableNetwork network, Path data, TrainingConfig config) throws IOException {
        return train(network, DatasetRequest.of(data.toString()).withConsole(console), config, true, false, null);
    }

    private TrainingResult train(TrainableNetwork network, DatasetRequest data, TrainingConfig config, boolean resume,
            boolean progressBar, StepSource steps) throws IOException {
        NetworkDescription description = network.description();
        describe(description);
        console.accept(config.summary());
        DatasetLoader loader = new DatasetLoader();
        Dataset dataset = loader.load(data, description.inputSize(), description.classes());
        int available = dataset.training().size();
        if (config.validationSamples() >= available) {
            throw new ConfigurationException("validationSamples is " + config.validationSamples() + ", but "
                    + dataset.directory() + " holds only " + available + " training samples: hold out fewer for"
                    + " validation.");
        }
        DatasetSplit split = dataset.split(config.validationSamples());
        console.accept("data: " + dataset.directory() + ": " + split.training().size() + " training, " + split.validation().size()
                + " validation, " + split.test().size() + " test samples of " + dataset.rows() + "x"
                + dataset.columns());
        TrainingOptions options = new TrainingOptions(resume, DataFiles.key(loader.inputFiles(data),
                data.preprocessing()));
        ProgressDisplay progress = progressBar ? ProgressDisplay.forConsole(System.out, true)
                : ProgressDisplay.epochLines(console);
        TrainingResult result = new Trainer(network, config, console, options, progress, steps).train(split);
        console.accept(result.summaryLine());
        return result;
    }

    private void describe(NetworkDescription description) {
        console.accept("network " + description.name() + " (" + description.specClass() + "): input "
                + description.inputShape() + ", " + description.classes() + " classes, batch size "
                + description.batchSize());
        console.accept("  binarization " + description.binarization() + ", loss " + description.loss()
                + ", evaluation " + description.evaluation()
                + (description.evaluation() == EvaluationWeights.SAMPLED_AVERAGE
                        ? " of " + description.evaluationSamples() + " networks" : "")
                + ", optimizer " + description.optimizer());
        for (String layer : description.layers().stream().map(LayerDescription::summary).toList()) {
            console.accept("  " + layer);
        }
        for (String line : NetworkSummary.of(description).lines()) {
            console.accept("  " + line);
        }
    }
}
