package org.binaryconnect.examples.fashion;

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
 * The seed post's network with binary weights: 5x5x32 convolution (SAME), max-pool 2, 5x5x64 convolution, max-pool
 * 2, 1024 dense units, 10 outputs, softmax cross-entropy and Adam at batch 100, with batch normalization after each
 * layer (in the authors' order: convolution, pool, batch norm, ReLU).
 *
 * <p>{@code mvn binaryconnect:train} trains it for 12 epochs, the learning rate decaying from 1e-3 to 3e-6;
 * {@code -Dbinaryconnect.epochs=250} runs the seed's full schedule.
 */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC,
        loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Training(epochs = 12, batchSize = 100, learningRateStart = 1e-3, learningRateEnd = 3e-6, validationSamples = 10000)
public class FashionSeedCnn {

    @Conv2D(filters = 32, kernel = 5, padding = Padding.SAME) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 64, kernel = 5, padding = Padding.SAME) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10) @BatchNorm
    Layer output;
}
