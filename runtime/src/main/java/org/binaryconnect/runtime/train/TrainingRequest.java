package org.binaryconnect.runtime.train;

import java.nio.file.Path;
import java.util.Objects;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.run.TrainingOverrides;

/**
 * One training run as asked for by the command line or the Maven plugin.
 *
 * @param networkClass the fully qualified name of the generated network class
 * @param data the dataset: a name ({@code fashion-mnist}, {@code mnist}, {@code cifar10}) or a path, with its format
 *     and preprocessing
 * @param outputDirectory where {@code metrics.csv} and {@code model.bin} go; created only once the data is valid
 * @param overrides values replacing the network's {@code @Training} defaults
 * @param resume continue from the output directory's checkpoint when it is of this same run
 * @param progress redraw a progress bar within each epoch (for an interactive terminal); otherwise one line per
 *     epoch
 */
public record TrainingRequest(String networkClass, DatasetRequest data, Path outputDirectory,
        TrainingOverrides overrides, boolean resume, boolean progress) {

    /** A run on the dataset directory {@code data} that resumes its own checkpoint and prints one line per epoch. */
    public TrainingRequest(String networkClass, Path data, Path outputDirectory, TrainingOverrides overrides) {
        this(networkClass, DatasetRequest.of(data.toString()), outputDirectory, overrides, true, false);
    }

    public TrainingRequest {
        Objects.requireNonNull(networkClass, "networkClass");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(overrides, "overrides");
    }
}
