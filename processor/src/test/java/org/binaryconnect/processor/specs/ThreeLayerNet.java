package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/** The authors' MLP in miniature (stochastic BinaryConnect, batch norm, squared hinge): the SameDiff oracle's subject. */
@Network(input = {12}, classes = 5)
@Training(batchSize = 8, seed = 3)
public class ThreeLayerNet {

    @Dense(units = 10) @BatchNorm(alpha = 0.15, epsilon = 1e-4) @Activation(Nonlinearity.RELU)
    Layer hidden1;

    @Dense(units = 9) @BatchNorm(alpha = 0.15, epsilon = 1e-4) @Activation(Nonlinearity.RELU)
    Layer hidden2;

    @Dense(units = 5) @BatchNorm(alpha = 0.15, epsilon = 1e-4)
    Layer output;
}
