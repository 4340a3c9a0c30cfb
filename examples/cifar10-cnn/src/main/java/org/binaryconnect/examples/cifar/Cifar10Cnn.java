package org.binaryconnect.examples.cifar;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Adam;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.dsl.Training;

/**
 * The BinaryConnect paper's CIFAR-10 network (Courbariaux et al., 2015, and the authors' cifar10.py):
 * 2x128C3-MP2-2x256C3-MP2-2x512C3-MP2-2x1024FC-10, 3x3 convolutions with padding 1, batch norm (alpha 0.1,
 * epsilon 1e-4) after each pool or layer, ReLU, stochastic binarization, squared hinge loss, Adam with the learning
 * rate decaying from 3e-3 to 2e-6 over 500 epochs, batch 50, 45,000 training and 5,000 validation images.
 *
 * <p>Train with {@code mvn binaryconnect:train} (the plugin configuration in this project's pom asks for the
 * {@code cifar10} dataset and the authors' preprocessing: global contrast normalisation and ZCA whitening).
 */
@Network(input = {32, 32, 3}, classes = 10, binarization = Binarization.STOCHASTIC)
@Training(epochs = 500, batchSize = 50, learningRateStart = 3e-3, learningRateEnd = 2e-6, validationSamples = 5000)
@Adam
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
