package org.binaryconnect.runtime.network;

/** The schedule declared with {@code @Training}; each value can be overridden when training. */
public record TrainingDefaults(int epochs, double learningRateStart, double learningRateEnd, int validationSamples,
        long seed) {
}
