package org.binaryconnect.runtime.data;

import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.inference.InputPipeline;

/**
 * A training set and a test set of the same sample shape, as loaded from {@code directory}. Each sample's features
 * are {@code channels x rows x columns} values in that order (channel-major, as NCHW convolutions read them): for
 * CIFAR-10 all 1024 red values, then green, then blue, each 32x32 row-major; MNIST-like images have one channel;
 * a CSV row is one channel of one row.
 *
 * @param pipeline what turned the raw samples into these features, with its fitted values: the model records it,
 *     and the exported inference applies it to raw pixels
 * @param classNames the name of each class, in label order; empty when the data does not name them
 */
public record Dataset(Path directory, Samples training, Samples test, int rows, int columns, int channels,
        InputPipeline pipeline, List<String> classNames) {

    public Dataset {
        if (pipeline.features() != training.features()) {
            throw new IllegalArgumentException("the input pipeline is for " + pipeline.features()
                    + " features, the samples have " + training.features());
        }
        classNames = List.copyOf(classNames);
    }

    /** Features as {@link Samples#of(byte[], byte[], int)} scales bytes, to [-1, 1], and no class names. */
    public Dataset(Path directory, Samples training, Samples test, int rows, int columns, int channels) {
        this(directory, training, test, rows, columns, channels,
                InputPipeline.scaling(training.features(), -1f, 1f), List.of());
    }

    /** A single-channel dataset of {@code rows x columns} images. */
    public Dataset(Path directory, Samples training, Samples test, int rows, int columns) {
        this(directory, training, test, rows, columns, 1);
    }

    /** This dataset with its classes named {@code names}, in label order (none: an empty list). */
    public Dataset withClassNames(List<String> names) {
        return new Dataset(directory, training, test, rows, columns, channels, pipeline, names);
    }

    /**
     * Holds out the last {@code validationSamples} training samples for validation, as the authors did (train on
     * the first 50,000 MNIST samples, validate on the last 10,000).
     *
     * @throws IllegalArgumentException unless {@code 0 <= validationSamples < training().size()}; callers that
     *     take the number from a user check it first and say what to change
     */
    public DatasetSplit split(int validationSamples) {
        int total = training.size();
        if (validationSamples < 0 || validationSamples >= total) {
            throw new IllegalArgumentException("validationSamples must be in [0, " + total + "), got "
                    + validationSamples);
        }
        int trainingSamples = total - validationSamples;
        return new DatasetSplit(training.range(0, trainingSamples), training.range(trainingSamples, total), test,
                pipeline, classNames);
    }
}
