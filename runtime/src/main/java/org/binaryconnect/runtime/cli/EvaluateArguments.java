package org.binaryconnect.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.DatasetRequest;

/**
 * Parses {@link EvaluateMain}'s arguments: three required options; the dataset's (as for training), {@code --part},
 * {@code --weights} and {@code --validation-samples} optional.
 */
final class EvaluateArguments {

    static final String USAGE = "usage: EvaluateMain --network <generated network class> --model <model.bin>"
            + " --output <dir> " + DatasetArguments.USAGE + " [--part test|validation|training]"
            + " [--weights BINARY|REAL|SAMPLED_AVERAGE] [--validation-samples N]";

    private static final List<String> OPTIONS = java.util.stream.Stream.concat(DatasetArguments.OPTIONS.stream(),
            java.util.stream.Stream.of("--network", "--model", "--output", "--part", "--weights",
                    "--validation-samples")).toList();

    /** The parts of a dataset a model can be evaluated on, split as training splits them. */
    enum Part {
        TEST, VALIDATION, TRAINING;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param weights empty for the network's declared evaluation weights
     * @param validationSamples empty for the network's declared {@code validationSamples}
     */
    record Parsed(String network, Path model, DatasetRequest data, Path output, Part part,
            Optional<EvaluationWeights> weights, OptionalInt validationSamples) {
    }

    private EvaluateArguments() {
    }

    /** Accepts {@code --option value} and {@code --option=value}, as {@link TrainArguments} does. */
    static Parsed parse(String[] args) {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS, USAGE);
        return new Parsed(options.required("--network"), options.requiredPath("--model"),
                DatasetArguments.parse(options), options.requiredPath("--output"), part(options.optional("--part")),
                weights(options.optional("--weights")),
                validationSamples(options.optional("--validation-samples")));
    }

    static Part part(String value) {
        if (value == null) {
            return Part.TEST;
        }
        try {
            return Part.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--part expects test, validation or training, got '" + value + "'.");
        }
    }

    /** AUTO is refused: the processor resolves it into the network's declared weights, which no option gives. */
    static Optional<EvaluationWeights> weights(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            EvaluationWeights weights = EvaluationWeights.valueOf(value.trim().toUpperCase(Locale.ROOT));
            if (weights != EvaluationWeights.AUTO) {
                return Optional.of(weights);
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the accepted values
        }
        throw new UsageException("--weights expects BINARY, REAL or SAMPLED_AVERAGE, got '" + value + "'.");
    }

    private static OptionalInt validationSamples(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int samples = Integer.parseInt(value.trim());
            if (samples >= 0) {
                return OptionalInt.of(samples);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--validation-samples expects a whole number >= 0, got '" + value + "'.");
    }
}
