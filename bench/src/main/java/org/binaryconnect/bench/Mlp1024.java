package org.binaryconnect.bench;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/**
 * Benchmark network: the authors' MNIST MLP shape with 1024 units per hidden layer (784-1024x3-10), batch norm,
 * stochastic BinaryConnect and Adam, batch 100. The processor generates {@code Mlp1024Network}.
 */
@Network(input = {784}, classes = 10, binarization = Binarization.STOCHASTIC)
@Training(batchSize = 100)
class Mlp1024 {

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden1;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden2;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden3;

    @Dense(units = 10) @BatchNorm Layer output;
}
