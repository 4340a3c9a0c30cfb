package org.binaryconnect.runtime.data;

/** How a dataset's files are laid out. */
public enum DatasetFormat {
    /** Decided from the name or from what the path holds. */
    AUTO,
    /** IDX files: MNIST, Fashion-MNIST or EMNIST names, gzip or raw. */
    IDX,
    /** CIFAR-10's binary batches. */
    CIFAR10,
    /** CSV files: a label column and feature columns. */
    CSV
}
