package org.binaryconnect.runtime.run;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Values given when training that replace the network's {@code @Training} defaults; empty ones keep them.
 * Build with {@link #none()} and the {@code with...} methods.
 */
public record TrainingOverrides(OptionalInt epochs, OptionalDouble learningRateStart, OptionalDouble learningRateEnd,
        OptionalInt validationSamples, OptionalLong seed) {

    public static TrainingOverrides none() {
        return new TrainingOverrides(OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.empty(), OptionalLong.empty());
    }

    public TrainingOverrides withEpochs(int value) {
        return new TrainingOverrides(OptionalInt.of(value), learningRateStart, learningRateEnd, validationSamples,
                seed);
    }

    public TrainingOverrides withLearningRateStart(double value) {
        return new TrainingOverrides(epochs, OptionalDouble.of(value), learningRateEnd, validationSamples, seed);
    }

    public TrainingOverrides withLearningRateEnd(double value) {
        return new TrainingOverrides(epochs, learningRateStart, OptionalDouble.of(value), validationSamples, seed);
    }

    public TrainingOverrides withValidationSamples(int value) {
        return new TrainingOverrides(epochs, learningRateStart, learningRateEnd, OptionalInt.of(value), seed);
    }

    public TrainingOverrides withSeed(long value) {
        return new TrainingOverrides(epochs, learningRateStart, learningRateEnd, validationSamples,
                OptionalLong.of(value));
    }
}
