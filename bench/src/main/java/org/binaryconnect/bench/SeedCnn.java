package org.binaryconnect.bench;

import java.util.List;
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
 * Benchmark network: the seed post's CNN (5x5x32 SAME, pool 2, 5x5x64 SAME, pool 2, dense 1024, dense 10) with batch
 * norm after each layer, stochastic BinaryConnect, softmax cross-entropy and Adam, batch 100. The processor
 * generates {@code SeedCnnNetwork}.
 */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.STOCHASTIC,
        loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Training(batchSize = 100)
class SeedCnn {

    /** The layers' products: im2col convolutions at 28x28 and 14x14 output positions, then the dense layers. */
    static final List<LayerShape> SHAPES = List.of(
            LayerShape.convolution(1 * 5 * 5, 32, 28 * 28),
            LayerShape.convolution(32 * 5 * 5, 64, 14 * 14),
            LayerShape.dense(64 * 7 * 7, 1024),
            LayerShape.dense(1024, 10));

    @Conv2D(filters = 32, kernel = 5, padding = Padding.SAME) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 64, kernel = 5, padding = Padding.SAME) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10) @BatchNorm
    Layer output;
}
