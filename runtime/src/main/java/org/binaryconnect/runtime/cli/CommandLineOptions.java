package org.binaryconnect.runtime.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code --option value} / {@code --option=value} command lines of the forked JVMs' entry points: each option
 * at most once, unknown options and missing values refused with a {@link UsageException} that says what to change.
 */
final class CommandLineOptions {

    private final Map<CliOption, String> values;
    private final String usage;

    private CommandLineOptions(Map<CliOption, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    /** Parses {@code args} against the accepted {@code options}; {@code usage} completes "is required" errors. */
    static CommandLineOptions parse(String[] args, List<CliOption> options, String usage) {
        Map<CliOption, String> values = new EnumMap<>(CliOption.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            String optionName = name;
            CliOption option = options.stream().filter(o -> o.text().equals(optionName)).findFirst()
                    .orElseThrow(() -> new UsageException("Unknown argument " + arg + ": the options are "
                            + options.stream().map(CliOption::text).collect(Collectors.joining(", ")) + "."));
            if (value == null) {
                throw new UsageException("Option " + option + " needs a value.");
            }
            if (values.put(option, value) != null) {
                throw new UsageException("Option " + option + " is given twice: give it once.");
            }
        }
        return new CommandLineOptions(values, usage);
    }

    boolean has(CliOption option) {
        return values.containsKey(option);
    }

    /** The option's value, or null when it was not given. */
    String optional(CliOption option) {
        return values.get(option);
    }

    String required(CliOption option) {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException("Option " + option + " is required; " + usage + ".");
        }
        return value;
    }

    Path requiredPath(CliOption option) {
        return path(required(option), option);
    }

    static Path path(String value, CliOption option) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " expects a path, got '" + value + "'.");
        }
    }

    int integer(CliOption option) {
        try {
            return Integer.parseInt(values.get(option).trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number, got '" + values.get(option) + "'.");
        }
    }

    long longInteger(CliOption option) {
        try {
            return Long.parseLong(values.get(option).trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number, got '" + values.get(option) + "'.");
        }
    }

    double decimal(CliOption option) {
        try {
            return Double.parseDouble(values.get(option).trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a number such as 0.001, got '" + values.get(option) + "'.");
        }
    }

    /** {@code true} or {@code false}; {@code fallback} when the option was not given. */
    boolean flag(CliOption option, boolean fallback) {
        String value = values.get(option);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UsageException(option + " expects true or false, got '" + value + "'.");
        };
    }
}
