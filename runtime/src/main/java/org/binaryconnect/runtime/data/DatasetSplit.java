package org.binaryconnect.runtime.data;

/** What one training run uses: samples to train on, to choose the best epoch with, and to report. */
public record DatasetSplit(Samples training, Samples validation, Samples test) {
}
