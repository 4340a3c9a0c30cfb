package org.binaryconnect.runtime.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.train.TrainingOverrides;
import org.binaryconnect.runtime.train.TrainingRequest;

/** Parses {@link TrainMain}'s arguments into a {@link TrainingRequest}. */
final class TrainArguments {

    static final String USAGE = "usage: TrainMain --network <generated network class> --output <directory>"
            + " [--data <directory>] [--epochs N] [--learning-rate-start X] [--learning-rate-end X] [--seed N]"
            + " [--validation-samples N]";

    private static final List<String> OPTIONS = List.of("--network", "--data", "--output", "--epochs",
            "--learning-rate-start", "--learning-rate-end", "--seed", "--validation-samples");

    private TrainArguments() {
    }

    /** Accepts {@code --option value} and {@code --option=value}; {@code --data} defaults to the dataset property. */
    static TrainingRequest parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!OPTIONS.contains(option)) {
                throw new UsageException("Unknown argument " + arg + ": the options are " + String.join(", ", OPTIONS)
                        + ".");
            }
            if (value == null) {
                throw new UsageException("Option " + option + " needs a value.");
            }
            if (values.put(option, value) != null) {
                throw new UsageException("Option " + option + " is given twice: give it once.");
            }
        }
        String network = required(values, "--network");
        Path output = path(required(values, "--output"), "--output");
        Path data = values.containsKey("--data") ? path(values.get("--data"), "--data")
                : IdxDataset.defaultDirectory();
        TrainingOverrides overrides = TrainingOverrides.none();
        if (values.containsKey("--epochs")) {
            overrides = overrides.withEpochs(integer(values, "--epochs"));
        }
        if (values.containsKey("--learning-rate-start")) {
            overrides = overrides.withLearningRateStart(decimal(values, "--learning-rate-start"));
        }
        if (values.containsKey("--learning-rate-end")) {
            overrides = overrides.withLearningRateEnd(decimal(values, "--learning-rate-end"));
        }
        if (values.containsKey("--seed")) {
            overrides = overrides.withSeed(longInteger(values, "--seed"));
        }
        if (values.containsKey("--validation-samples")) {
            overrides = overrides.withValidationSamples(integer(values, "--validation-samples"));
        }
        return new TrainingRequest(network, data, output, overrides);
    }

    private static String required(Map<String, String> values, String option) {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException("Option " + option + " is required; " + USAGE + ".");
        }
        return value;
    }

    private static Path path(String value, String option) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " expects a path, got '" + value + "'.");
        }
    }

    private static int integer(Map<String, String> values, String option) {
        try {
            return Integer.parseInt(values.get(option).trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number, got '" + values.get(option) + "'.");
        }
    }

    private static long longInteger(Map<String, String> values, String option) {
        try {
            return Long.parseLong(values.get(option).trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number, got '" + values.get(option) + "'.");
        }
    }

    private static double decimal(Map<String, String> values, String option) {
        try {
            return Double.parseDouble(values.get(option).trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a number such as 0.001, got '" + values.get(option) + "'.");
        }
    }
}
