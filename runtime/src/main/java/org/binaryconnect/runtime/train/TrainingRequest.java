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
 */
public record TrainingRequest(String networkClass, Path dataDirectory, Path outputDirectory,
        TrainingOverrides overrides) {

    public TrainingRequest {
        Objects.requireNonNull(networkClass, "networkClass");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(overrides, "overrides");
    }
}
