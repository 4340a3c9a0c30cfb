package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
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
 * The seed network (as good/SeedCnn.java, the golden spec) with a batch of 10, so that the SameDiff oracle runs in
 * seconds in double precision, and H = Glorot: with H = 1 and no batch norm its logits reach 1e5 and the softmax
 * saturates, which would leave the oracle little to compare.
 */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC,
        loss = Loss.SOFTMAX_CROSS_ENTROPY, h = Network.GLOROT)
@Training(batchSize = 10)
public class SeedCnn {

    @Conv2D(filters = 32, kernel = 5, padding = Padding.SAME) @MaxPool(2) @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 64, kernel = 5, padding = Padding.SAME) @MaxPool(2) @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 1024) @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10)
    Layer output;
}
