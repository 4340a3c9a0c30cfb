package org.binaryconnect.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
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

    static final List<CliOption> OPTIONS = Stream.concat(DatasetArguments.OPTIONS.stream(),
            Stream.of(CliOption.NETWORK, CliOption.MODEL, CliOption.OUTPUT, CliOption.PART, CliOption.WEIGHTS,
                    CliOption.VALIDATION_SAMPLES)).toList();

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
        return new Parsed(options.required(CliOption.NETWORK), options.requiredPath(CliOption.MODEL),
                DatasetArguments.parse(options), options.requiredPath(CliOption.OUTPUT), part(options.optional(CliOption.PART)),
                weights(options.optional(CliOption.WEIGHTS)),
                validationSamples(options.optional(CliOption.VALIDATION_SAMPLES)));
    }

    static Part part(String value) {
        if (value == null) {
            return Part.TEST;
        }
        try {
            return Part.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(CliOption.PART + " expects test, validation or training, got '" + value + "'.");
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
        throw new UsageException(CliOption.WEIGHTS + " expects BINARY, REAL or SAMPLED_AVERAGE, got '" + value + "'.");
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
        throw new UsageException(CliOption.VALIDATION_SAMPLES + " expects a whole number >= 0, got '" + value + "'.");
    }
}
