package org.binaryconnect.runtime.data;

import java.nio.file.Path;

/**
 * A training set and a test set of the same sample shape, as loaded from {@code directory}. Each sample's features
 * are {@code channels x rows x columns} values in that order (channel-major, as NCHW convolutions read them): for
 * CIFAR-10 all 1024 red values, then green, then blue, each 32x32 row-major; MNIST-like images have one channel;
 * a CSV row is one channel of one row.
 */
public record Dataset(Path directory, Samples training, Samples test, int rows, int columns, int channels) {

    /** A single-channel dataset of {@code rows x columns} images. */
    public Dataset(Path directory, Samples training, Samples test, int rows, int columns) {
        this(directory, training, test, rows, columns, 1);
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
        return new DatasetSplit(training.range(0, trainingSamples), training.range(trainingSamples, total), test);
    }
}
