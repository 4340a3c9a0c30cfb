package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/** Every layer kind with the squared hinge loss: binary and full-precision dense, batch norm, ReLU, dropout. */
@Network(input = {2, 3}, classes = 3, binarization = Binarization.STOCHASTIC, h = "Glorot")
@Training(batchSize = 5, seed = 7)
public class HingeGradientNet {

    @Dense(units = 5) @BatchNorm(alpha = 0.1, epsilon = 1e-3) @Activation(Nonlinearity.RELU) @Dropout(0.25)
    Layer hidden1;

    @Dense(units = 4, binary = false) @Activation(Nonlinearity.RELU)
    Layer hidden2;

    @Dense(units = 3) @BatchNorm
    Layer output;
}
