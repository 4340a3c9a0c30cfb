package org.binaryconnect.runtime.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One training run as asked for by the command line or the Maven plugin.
 *
 * @param networkClass the fully qualified name of the generated network class
 * @param dataDirectory the MNIST-format dataset directory
 * @param outputDirectory where {@code metrics.csv} and {@code model.bin} go; created only once the data is valid
 * @param overrides values replacing the network's {@code @Training} defaults
 * @param resume continue from the output directory's checkpoint when it is of this same run
 * @param progress redraw a progress bar within each epoch (for an interactive terminal); otherwise one line per
 *     epoch
 */
public record TrainingRequest(String networkClass, Path dataDirectory, Path outputDirectory,
        TrainingOverrides overrides, boolean resume, boolean progress) {

    /** A run that resumes its own checkpoint and prints one line per epoch. */
    public TrainingRequest(String networkClass, Path dataDirectory, Path outputDirectory,
            TrainingOverrides overrides) {
        this(networkClass, dataDirectory, outputDirectory, overrides, true, false);
    }

    public TrainingRequest {
        Objects.requireNonNull(networkClass, "networkClass");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(overrides, "overrides");
    }
}
