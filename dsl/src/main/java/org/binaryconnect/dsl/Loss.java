package org.binaryconnect.dsl;

/** Training losses. */
public enum Loss {
    /** {@code mean(max(0, 1 - t * y)^2)} with targets coded +-1: the authors' L2-SVM output. */
    SQUARED_HINGE,
    /** Softmax followed by cross-entropy, averaged over the batch. */
    SOFTMAX_CROSS_ENTROPY
}
