package org.binaryconnect.runtime.cli;

import java.nio.file.Path;
import java.util.List;

/** Parses {@link ExportMain}'s arguments: four options, all required. */
final class ExportArguments {

    static final String USAGE = "usage: ExportMain --network <generated network class> --model <model.bin>"
            + " --resource-dir <classes directory> --c-dir <directory>";

    static final List<CliOption> OPTIONS = List.of(CliOption.NETWORK, CliOption.MODEL, CliOption.RESOURCE_DIR,
            CliOption.C_DIR);

    record Parsed(String network, Path model, Path resourceDirectory, Path cDirectory) {
    }

    private ExportArguments() {
    }

    /** Accepts {@code --option value} and {@code --option=value}, as {@link TrainArguments} does. */
    static Parsed parse(String[] args) {
        CommandLineOptions options = CommandLineOptions.parse(args, OPTIONS, USAGE);
        return new Parsed(options.required(CliOption.NETWORK), options.requiredPath(CliOption.MODEL),
                options.requiredPath(CliOption.RESOURCE_DIR), options.requiredPath(CliOption.C_DIR));
    }
}
