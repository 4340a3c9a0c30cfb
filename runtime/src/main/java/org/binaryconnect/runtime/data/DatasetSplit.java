package org.binaryconnect.runtime.data;

import java.util.List;
import org.binaryconnect.inference.InputPipeline;

/**
 * What one training run uses: samples to train on, to choose the best epoch with, and to report, with the pipeline
 * that made their features and the names of their classes (both recorded in the model).
 */
public record DatasetSplit(Samples training, Samples validation, Samples test, InputPipeline pipeline,
        List<String> classNames) {

    public DatasetSplit {
        classNames = List.copyOf(classNames);
    }

    /** Samples whose features are bytes scaled to [-1, 1] (as {@link Samples#of(byte[], byte[], int)}), unnamed. */
    public DatasetSplit(Samples training, Samples validation, Samples test) {
        this(training, validation, test, InputPipeline.scaling(training.features(), -1f, 1f), List.of());
    }
}
