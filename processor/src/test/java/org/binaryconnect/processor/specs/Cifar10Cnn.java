package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/**
 * The authors' CIFAR-10 network (cifar10.py): 2x128C3-MP2-2x256C3-MP2-2x512C3-MP2-2x1024FC-10, pad 1 (SAME),
 * batch norm (alpha 0.1, epsilon 1e-4) after the pool and before the ReLU, squared hinge, stochastic BinaryConnect,
 * batch 50, LR 3e-3 to 2e-6 over 500 epochs.
 */
@Network(input = {32, 32, 3}, classes = 10, binarization = Binarization.STOCHASTIC)
@Training(batchSize = 50, epochs = 500, learningRateStart = 3e-3, learningRateEnd = 2e-6, validationSamples = 5000)
public class Cifar10Cnn {

    @Conv2D(filters = 128, kernel = 3) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 128, kernel = 3) @MaxPool(2) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Conv2D(filters = 256, kernel = 3) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer conv3;

    @Conv2D(filters = 256, kernel = 3) @MaxPool(2) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer conv4;

    @Conv2D(filters = 512, kernel = 3) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer conv5;

    @Conv2D(filters = 512, kernel = 3) @MaxPool(2) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer conv6;

    @Dense(units = 1024) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer fc1;

    @Dense(units = 1024) @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer fc2;

    @Dense(units = 10) @BatchNorm(alpha = 0.1)
    Layer output;
}
