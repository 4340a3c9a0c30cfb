package org.binaryconnect.runtime.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses {@link ExportMain}'s arguments: four options, all required. */
final class ExportArguments {

    static final String USAGE = "usage: ExportMain --network <generated network class> --model <model.bin>"
            + " --resource-dir <classes directory> --c-dir <directory>";

    private static final List<String> OPTIONS = List.of("--network", "--model", "--resource-dir", "--c-dir");

    record Parsed(String network, Path model, Path resourceDirectory, Path cDirectory) {
    }

    private ExportArguments() {
    }

    /** Accepts {@code --option value} and {@code --option=value}, as {@link TrainArguments} does. */
    static Parsed parse(String[] args) {
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
        return new Parsed(required(values, "--network"), path(values, "--model"), path(values, "--resource-dir"),
                path(values, "--c-dir"));
    }

    private static String required(Map<String, String> values, String option) {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException("Option " + option + " is required; " + USAGE + ".");
        }
        return value;
    }

    private static Path path(Map<String, String> values, String option) {
        String value = required(values, option);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " expects a path, got '" + value + "'.");
        }
    }
}
