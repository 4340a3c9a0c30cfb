package org.binaryconnect.runtime.network;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An array of a network's state with the stable name it has in model files, e.g. {@code hidden1.W}. */
public record NamedArray(String name, INDArray array) {
}
