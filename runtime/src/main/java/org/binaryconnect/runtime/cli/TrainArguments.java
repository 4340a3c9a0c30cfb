package org.binaryconnect.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.run.TrainingOverrides;
import org.binaryconnect.runtime.train.TrainingRequest;

/** Parses {@link TrainMain}'s arguments into a {@link TrainingRequest}. */
final class TrainArguments {

    static final String USAGE = "usage: TrainMain --network <generated network class> --output <directory> "
            + DatasetArguments.USAGE + " [--epochs N] [--learning-rate-start X] [--learning-rate-end X] [--seed N]"
            + " [--validation-samples N] [--resume true|false] [--progress true|false]";

    static final List<CliOption> OPTIONS = Stream.concat(DatasetArguments.OPTIONS.stream(),
            Stream.of(CliOption.NETWORK, CliOption.OUTPUT, CliOption.EPOCHS, CliOption.LEARNING_RATE_START,
                    CliOption.LEARNING_RATE_END, CliOption.SEED, CliOption.VALIDATION_SAMPLES, CliOption.RESUME,
                    CliOption.PROGRESS)).toList();

    private TrainArguments() {
    }

    /** Accepts {@code --option value} and {@code --option=value}; {@code --data} defaults to {@code fashion-mnist}. */
    static TrainingRequest parse(String[] args) {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS, USAGE);
        String network = options.required(CliOption.NETWORK);
        Path output = options.requiredPath(CliOption.OUTPUT);
        DatasetRequest data = DatasetArguments.parse(options);
        TrainingOverrides overrides = TrainingOverrides.none();
        if (options.has(CliOption.EPOCHS)) {
            overrides = overrides.withEpochs(options.integer(CliOption.EPOCHS));
        }
        if (options.has(CliOption.LEARNING_RATE_START)) {
            overrides = overrides.withLearningRateStart(options.decimal(CliOption.LEARNING_RATE_START));
        }
        if (options.has(CliOption.LEARNING_RATE_END)) {
            overrides = overrides.withLearningRateEnd(options.decimal(CliOption.LEARNING_RATE_END));
        }
        if (options.has(CliOption.SEED)) {
            overrides = overrides.withSeed(options.longInteger(CliOption.SEED));
        }
        if (options.has(CliOption.VALIDATION_SAMPLES)) {
            overrides = overrides.withValidationSamples(options.integer(CliOption.VALIDATION_SAMPLES));
        }
        return new TrainingRequest(network, data, output, overrides, options.flag(CliOption.RESUME, true),
                options.flag(CliOption.PROGRESS, false));
    }
}
