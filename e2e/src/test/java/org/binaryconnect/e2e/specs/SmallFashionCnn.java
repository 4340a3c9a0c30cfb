package org.binaryconnect.e2e.specs;

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

/** A small binary CNN for the convergence test on Fashion-MNIST: 16C3-MP2-32C3-MP2-10, batch norm after each. */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC)
@Training(batchSize = 100, seed = 5)
public class SmallFashionCnn {

    @Conv2D(filters = 16, kernel = 3) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 32, kernel = 3) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 10) @BatchNorm
    Layer output;
}
