package org.binaryconnect.processor;

/** The declared training schedule. */
record TrainingModel(int batchSize, int epochs, double learningRateStart, double learningRateEnd,
        int validationSamples, long seed) {
}
