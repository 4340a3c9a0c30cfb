package org.binaryconnect.runtime.cli;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.binaryconnect.runtime.export.ExportOptions;

/**
 * Parses {@link ExportMain}'s arguments: four required options; the dataset's (as for training) and
 * {@code --project-version} optional. Without {@code --data} nothing is predicted: the export says it verified
 * nothing.
 */
final class ExportArguments {

    static final String USAGE = "usage: ExportMain --network <generated network class> --model <model.bin>"
            + " --resource-dir <classes directory> --c-dir <directory> [--project-version <version>] "
            + DatasetArguments.USAGE;

    static final List<CliOption> OPTIONS = Stream.concat(DatasetArguments.OPTIONS.stream(),
            Stream.of(CliOption.NETWORK, CliOption.MODEL, CliOption.RESOURCE_DIR, CliOption.C_DIR,
                    CliOption.PROJECT_VERSION)).toList();

    private ExportArguments() {
    }

    /** Accepts {@code --option value} and {@code --option=value}, as {@link TrainArguments} does. */
    static ExportOptions parse(String[] args) {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS, USAGE);
        return new ExportOptions(options.required(CliOption.NETWORK), options.requiredPath(CliOption.MODEL),
                options.requiredPath(CliOption.RESOURCE_DIR), options.requiredPath(CliOption.C_DIR),
                options.has(CliOption.DATA) ? Optional.of(DatasetArguments.parse(options)) : Optional.empty(),
                options.optional(CliOption.PROJECT_VERSION));
    }
}
