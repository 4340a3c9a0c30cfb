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

/** The seed network exactly as good/SeedCnn.java (batch 100, H = 1): what the training-step timing runs. */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC,
        loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Training(batchSize = 100)
public class SeedCnnBatch100 {

    @Conv2D(filters = 32, kernel = 5, padding = Padding.SAME) @MaxPool(2) @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 64, kernel = 5, padding = Padding.SAME) @MaxPool(2) @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 1024) @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10)
    Layer output;
}
