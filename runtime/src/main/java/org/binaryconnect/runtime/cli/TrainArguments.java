package org.binaryconnect.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.run.TrainingOverrides;
import org.binaryconnect.runtime.train.TrainingRequest;

/** Parses {@link TrainMain}'s arguments into a {@link TrainingRequest}. */
final class TrainArguments {

    static final String USAGE = "usage: TrainMain --network <generated network class> --output <directory> "
            + DatasetArguments.USAGE + " [--epochs N] [--learning-rate-start X] [--learning-rate-end X] [--seed N]"
            + " [--validation-samples N] [--resume true|false] [--progress true|false]";

    private static final List<String> OPTIONS = java.util.stream.Stream.concat(DatasetArguments.OPTIONS.stream(),
            java.util.stream.Stream.of("--network", "--output", "--epochs", "--learning-rate-start",
                    "--learning-rate-end", "--seed", "--validation-samples", "--resume", "--progress")).toList();

    private TrainArguments() {
    }

    /** Accepts {@code --option value} and {@code --option=value}; {@code --data} defaults to {@code fashion-mnist}. */
    static TrainingRequest parse(String[] args) {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS, USAGE);
        String network = options.required("--network");
        Path output = options.requiredPath("--output");
        DatasetRequest data = DatasetArguments.parse(options);
        TrainingOverrides overrides = TrainingOverrides.none();
        if (options.has("--epochs")) {
            overrides = overrides.withEpochs(options.integer("--epochs"));
        }
        if (options.has("--learning-rate-start")) {
            overrides = overrides.withLearningRateStart(options.decimal("--learning-rate-start"));
        }
        if (options.has("--learning-rate-end")) {
            overrides = overrides.withLearningRateEnd(options.decimal("--learning-rate-end"));
        }
        if (options.has("--seed")) {
            overrides = overrides.withSeed(options.longInteger("--seed"));
        }
        if (options.has("--validation-samples")) {
            overrides = overrides.withValidationSamples(options.integer("--validation-samples"));
        }
        return new TrainingRequest(network, data, output, overrides, options.flag("--resume", true),
                options.flag("--progress", false));
    }
}
