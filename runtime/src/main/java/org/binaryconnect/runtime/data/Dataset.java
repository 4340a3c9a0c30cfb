package org.binaryconnect.runtime.data;

import java.nio.file.Path;

/** A training set and a test set of the same image size, as loaded from {@code directory}. */
public record Dataset(Path directory, Samples training, Samples test, int rows, int columns) {

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
