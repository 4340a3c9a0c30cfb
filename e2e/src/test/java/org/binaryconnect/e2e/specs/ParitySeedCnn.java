package org.binaryconnect.e2e.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.dsl.Training;

/**
 * The seed CNN as examples/fashion-mnist-cnn declares it (conv 5x5x32 SAME, max-pool 2, batch norm, ReLU, conv
 * 5x5x64 SAME, max-pool 2, batch norm, ReLU, dense 1024 batch norm ReLU, dense 10 batch norm), for the conv export
 * parity test on real Fashion-MNIST.
 */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC,
        loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Training(epochs = 1, batchSize = 100, learningRateStart = 1e-3, learningRateEnd = 3e-6, seed = 21)
public class ParitySeedCnn {

    @Conv2D(filters = 32, kernel = 5, padding = Padding.SAME) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 64, kernel = 5, padding = Padding.SAME) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10) @BatchNorm
    Layer output;
}
