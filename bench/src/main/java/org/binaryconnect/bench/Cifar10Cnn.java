package org.binaryconnect.bench;

import java.util.List;
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
import org.binaryconnect.dsl.Training;

/**
 * Benchmark network: the BinaryConnect paper's CIFAR-10 CNN as examples/cifar10-cnn declares it (2x128C3, MP2,
 * 2x256C3, MP2, 2x512C3, MP2, 1024FC, 1024FC, 10, batch norm after every layer, stochastic binarization, squared
 * hinge, Adam), batch 50. The processor generates {@code Cifar10CnnNetwork}; without CIFAR-10 installed the benchmark
 * feeds it seeded random images of the same size.
 */
@Network(input = {32, 32, 3}, classes = 10, binarization = Binarization.STOCHASTIC)
@Training(batchSize = 50)
@Adam
class Cifar10Cnn {

    /** The layers' products: im2col convolutions at 32x32, 16x16 and 8x8 output positions, then the dense layers. */
    static final List<LayerShape> SHAPES = List.of(
            LayerShape.convolution(3 * 3 * 3, 128, 32 * 32),
            LayerShape.convolution(128 * 3 * 3, 128, 32 * 32),
            LayerShape.convolution(128 * 3 * 3, 256, 16 * 16),
            LayerShape.convolution(256 * 3 * 3, 256, 16 * 16),
            LayerShape.convolution(256 * 3 * 3, 512, 8 * 8),
            LayerShape.convolution(512 * 3 * 3, 512, 8 * 8),
            LayerShape.dense(512 * 4 * 4, 1024),
            LayerShape.dense(1024, 1024),
            LayerShape.dense(1024, 10));

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
